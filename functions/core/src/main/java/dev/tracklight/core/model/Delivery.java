package dev.tracklight.core.model;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A shipment that has just been delivered: what the transit model learns from it, and the estimate that
 * was shown until then, which the delivery scores.
 *
 * @param handOff null when no scan says when the carrier took the parcel (nothing to learn, only to score)
 */
public record Delivery(Instant handOff, Instant deliveredAt, ZoneOffset localOffset, EtaWindow lastEstimate) {
}
