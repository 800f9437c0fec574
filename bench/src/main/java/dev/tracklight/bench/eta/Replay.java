package dev.tracklight.bench.eta;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Strictly causal replay: shipments in hand-off order; before predicting one handed over at t, the
 * predictor learns every delivery that happened before t, and nothing else.
 */
final class Replay {

    private Replay() {
    }

    static Map<String, Forecast> run(List<HistoricShipment> shipments, Predictor predictor) {
        Map<String, Forecast> forecasts = new HashMap<>();
        walk(shipments, predictor::learn, shipment -> forecasts.put(shipment.id(), predictor.predict(shipment, shipment.handedOverAt())));
        return forecasts;
    }

    /** The walk itself: {@code atHandOver} for each shipment in hand-off order, after {@code delivered} for every earlier delivery. */
    static void walk(List<HistoricShipment> shipments, Consumer<HistoricShipment> delivered, Consumer<HistoricShipment> atHandOver) {
        List<HistoricShipment> byHandOver = shipments.stream().sorted(Comparator.comparing(HistoricShipment::handedOverAt)).toList();
        List<HistoricShipment> byDelivery = shipments.stream().filter(s -> s.deliveredAt() != null)
                .sorted(Comparator.comparing(HistoricShipment::deliveredAt)).toList();
        int learnt = 0;
        for (HistoricShipment shipment : byHandOver) {
            while (learnt < byDelivery.size() && byDelivery.get(learnt).deliveredAt().isBefore(shipment.handedOverAt())) {
                delivered.accept(byDelivery.get(learnt++));
            }
            atHandOver.accept(shipment);
        }
    }
}
