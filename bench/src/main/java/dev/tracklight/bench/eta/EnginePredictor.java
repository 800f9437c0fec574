package dev.tracklight.bench.eta;

import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitPrediction;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/** The engine the functions use, with the estimate made at hand-off kept to score it on delivery. */
final class EnginePredictor implements Predictor {

    private final TransitEngine engine;
    private final Map<String, TransitPrediction> atHandOver = new HashMap<>();

    EnginePredictor(BusinessClock clock) {
        this.engine = new TransitEngine(clock);
    }

    @Override
    public Forecast predict(HistoricShipment shipment, LocalDateTime now) {
        TransitPrediction prediction = engine.predict(shipment.features(), now);
        atHandOver.put(shipment.id(), prediction);
        return new Forecast(prediction.likely(), prediction.early(), prediction.late(), prediction.estimatedDeliveryDate(),
                prediction.lateWarning());
    }

    @Override
    public void learn(HistoricShipment shipment) {
        engine.learn(shipment.features(), shipment.deliveredAt(), atHandOver.remove(shipment.id()));
    }
}
