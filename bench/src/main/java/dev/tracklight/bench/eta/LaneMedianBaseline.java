package dev.tracklight.bench.eta;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The honest baseline: hand-off plus the median transit (calendar days) of every earlier delivery on the
 * same region → region lane; window = that lane's p10–p90, EDD = its p95; warns when the median lands
 * after the promised day.
 */
final class LaneMedianBaseline implements Predictor {

    private final Map<String, List<Double>> byLane = new HashMap<>();
    private final List<Double> all = new ArrayList<>();

    @Override
    public Forecast predict(HistoricShipment shipment, LocalDateTime now) {
        List<Double> transits = byLane.getOrDefault(shipment.regionLane(), all);
        if (transits.isEmpty()) {
            transits = all.isEmpty() ? List.of(7.0) : all;
        }
        LocalDateTime likely = plusDays(shipment.handedOverAt(), quantile(transits, 0.5));
        return new Forecast(likely, plusDays(shipment.handedOverAt(), quantile(transits, 0.1)),
                plusDays(shipment.handedOverAt(), quantile(transits, 0.9)),
                plusDays(shipment.handedOverAt(), quantile(transits, 0.95)).toLocalDate(),
                shipment.features().promisedDate() != null && likely.toLocalDate().isAfter(shipment.features().promisedDate()));
    }

    @Override
    public void learn(HistoricShipment shipment) {
        double days = java.time.Duration.between(shipment.handedOverAt(), shipment.deliveredAt()).toSeconds() / 86_400.0;
        insert(byLane.computeIfAbsent(shipment.regionLane(), lane -> new ArrayList<>()), days);
        insert(all, days);
    }

    private static void insert(List<Double> sorted, double value) {
        int at = Collections.binarySearch(sorted, value);
        sorted.add(at >= 0 ? at : -at - 1, value);
    }

    private static double quantile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size())));
    }

    private static LocalDateTime plusDays(LocalDateTime from, double days) {
        return from.plusSeconds(Math.round(days * 86_400.0));
    }
}
