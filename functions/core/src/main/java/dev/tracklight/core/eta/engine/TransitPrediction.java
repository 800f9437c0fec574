package dev.tracklight.core.eta.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One estimate: the p10 – p50 – p90 window, the EDD (the day we would promise: p98, so few deliveries land
 * after it), the probability of missing the merchant's promise and whether that is worth a warning.
 * {@code logMean} and {@code logSd} are kept so the engine can score itself when the parcel arrives.
 *
 * @param lateProbability NaN without a promise
 */
public record TransitPrediction(LocalDateTime early, LocalDateTime likely, LocalDateTime late, LocalDate estimatedDeliveryDate,
                                double lateProbability, boolean lateWarning, double logMean, double logSd) {

    /** The share of deliveries the early–late window is meant to hold. */
    public static final double WINDOW_CONFIDENCE = 0.8;
}
