package dev.tracklight.bench.eta;

import java.time.LocalDateTime;

/** The file's own promise as a prediction: the promised day is the estimate and the EDD; it never warns. */
final class MerchantPromise implements Predictor {

    @Override
    public Forecast predict(HistoricShipment shipment, LocalDateTime now) {
        var promised = shipment.features().promisedDate();
        return new Forecast(promised.atStartOfDay(), null, null, promised, false);
    }

    @Override
    public void learn(HistoricShipment shipment) {
        // a promise learns nothing
    }
}
