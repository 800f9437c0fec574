package dev.tracklight.bench.eta;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much history a shipment's own lane had when it was estimated: the deliveries on its origin-region →
 * destination-region lane that arrived before its hand-off, in {@link Replay}'s causal order. A window is only as good as what its
 * lane has seen, so the backtest reports coverage by this size.
 */
final class LaneSizes {

    /** Buckets of earlier deliveries on the lane, by their lower bound. */
    static final Map<String, Integer> BUCKETS = bucketBounds();

    private LaneSizes() {
    }

    private static Map<String, Integer> bucketBounds() {
        Map<String, Integer> buckets = new LinkedHashMap<>();
        buckets.put("new lane", 0);
        buckets.put("1-9", 1);
        buckets.put("10-49", 10);
        buckets.put("50+", 50);
        return buckets;
    }

    /** Each shipment's bucket, by id. */
    static Map<String, String> of(List<HistoricShipment> history) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> buckets = new HashMap<>();
        Replay.walk(history, delivered -> seen.merge(lane(delivered), 1, Integer::sum),
                shipment -> buckets.put(shipment.id(), bucket(seen.getOrDefault(lane(shipment), 0))));
        return buckets;
    }

    private static String lane(HistoricShipment shipment) {
        return shipment.regionLane() == null ? "" : shipment.regionLane();
    }

    private static String bucket(int deliveries) {
        String found = null;
        for (Map.Entry<String, Integer> bucket : BUCKETS.entrySet()) {
            if (deliveries >= bucket.getValue()) {
                found = bucket.getKey();
            }
        }
        return found;
    }
}
