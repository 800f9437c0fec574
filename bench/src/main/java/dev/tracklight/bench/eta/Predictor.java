package dev.tracklight.bench.eta;

import java.time.LocalDateTime;

/** Anything the backtest can score: it predicts at hand-off and learns from deliveries, in time order. */
public interface Predictor {

    Forecast predict(HistoricShipment shipment, LocalDateTime now);

    void learn(HistoricShipment shipment);
}
