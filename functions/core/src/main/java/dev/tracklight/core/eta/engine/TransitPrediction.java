package dev.tracklight.core.eta.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One estimate: the window meant to hold four delivery days in five, the likely moment, the EDD (the day we would
 * promise: missed by about one delivery in twenty), the probability of missing the merchant's promise and whether
 * that is worth a warning.
 * {@code logMean} and {@code logSd} are kept so the engine can score itself when the parcel arrives.
 *
 * @param lateProbability NaN without a promise
 */
public record TransitPrediction(LocalDateTime early, LocalDateTime likely, LocalDateTime late, LocalDate estimatedDeliveryDate,
                                double lateProbability, boolean lateWarning, double logMean, double logSd) {

    /** The share of deliveries the early–late window is meant to hold. */
    public static final double WINDOW_CONFIDENCE = 0.8;
}
