package dev.tracklight.core.eta;

import dev.tracklight.core.eta.engine.TransitFeatures;

import java.time.LocalDateTime;

/**
 * One delivery as a transit engine learns it, kept from the moment the shipment is delivered until a learner
 * teaches it (with others of its tenant) in one write: the processor never rewrites a shared model item.
 *
 * @param country     the destination's ISO alpha-2 code, whose business calendar measures the transit ("" when unknown)
 * @param deliveredAt in the destination's local time, like the features' times
 */
public record TransitLesson(String shipmentId, String tenantId, String country, TransitFeatures features, LocalDateTime deliveredAt) {
}
