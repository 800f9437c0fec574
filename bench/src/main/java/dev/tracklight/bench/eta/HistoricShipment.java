package dev.tracklight.bench.eta;

import dev.tracklight.core.eta.engine.TransitFeatures;

import java.time.LocalDateTime;

/**
 * One shipment of a history file: what was known at hand-off, and when it was delivered (null if never).
 *
 * @param regionLane the origin-region → destination-region lane the baseline takes its median from
 */
public record HistoricShipment(String id, TransitFeatures features, String regionLane, LocalDateTime deliveredAt) {

    public LocalDateTime handedOverAt() {
        return features.handedOverAt();
    }

    public boolean wasLate() {
        return features.promisedDate() != null && deliveredAt.toLocalDate().isAfter(features.promisedDate());
    }
}
