package dev.tracklight.aws.store;

import dev.tracklight.core.eta.LaneTransit;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * Transit times of delivered shipments per lane (carrier, origin region → destination region): the
 * newest {@link #KEPT} deliveries, in hours, on one item. Enough for the first ETA's median; the ETA
 * engine replaces it with distributions.
 */
public final class LaneStore {

    static final int KEPT = 200;
    private static final String TRANSIT_HOURS = "transitHours";

    private final DynamoDbClient dynamo;
    private final String table;

    public LaneStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<LaneTransit> transit(Shipment shipment) {
        return lane(shipment).flatMap(lane -> {
            var item = dynamo.getItem(request -> request.tableName(table).key(key(lane, Keys.META))).item();
            if (item == null || !item.containsKey(TRANSIT_HOURS)) {
                return Optional.empty();
            }
            List<Long> hours = item.get(TRANSIT_HOURS).l().stream().map(v -> Long.parseLong(v.n())).sorted().toList();
            return Optional.of(new LaneTransit(Duration.ofHours(quantile(hours, 0.25)), Duration.ofHours(quantile(hours, 0.5)),
                    Duration.ofHours(quantile(hours, 0.75)), hours.size()));
        });
    }

    /** Appends one delivery's transit time, keeping the newest {@link #KEPT}. */
    public void recordDelivery(Shipment shipment, Duration transit) {
        lane(shipment).ifPresent(lane -> {
            var item = dynamo.getItem(request -> request.tableName(table).key(key(lane, Keys.META)).consistentRead(true)).item();
            List<AttributeValue> kept = item == null || !item.containsKey(TRANSIT_HOURS) ? List.of() : item.get(TRANSIT_HOURS).l();
            List<AttributeValue> next = new ArrayList<>(kept.subList(Math.max(0, kept.size() - KEPT + 1), kept.size()));
            next.add(n(Math.max(0, transit.toHours())));
            var updated = new HashMap<>(key(lane, Keys.META));
            updated.put(TRANSIT_HOURS, AttributeValue.fromL(next));
            dynamo.putItem(request -> request.tableName(table).item(updated));
        });
    }

    private static Optional<String> lane(Shipment shipment) {
        Optional<String> from = region(shipment.origin());
        Optional<String> to = region(shipment.destination());
        return from.isEmpty() || to.isEmpty() ? Optional.empty()
                : Optional.of(Keys.lane(shipment.carrier(), from.get(), to.get()));
    }

    private static Optional<String> region(Location location) {
        if (location == null) {
            return Optional.empty();
        }
        String region = location.region() != null ? location.region() : location.city();
        return Optional.ofNullable(region).map(r -> (location.country() == null ? "" : location.country() + "-") + r.toUpperCase(Locale.ROOT));
    }

    private static long quantile(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
