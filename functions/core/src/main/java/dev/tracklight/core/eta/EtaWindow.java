package dev.tracklight.core.eta;

import java.time.Instant;

/**
 * When the shipment should arrive: the early and late edges, the likely moment, how confident we are
 * (0..1) and what it is based on. {@code localOffset} is the destination's offset, for showing local times.
 */
public record EtaWindow(Instant early, Instant likely, Instant late, double confidence, EtaBasis basis, String localOffset) {
}
