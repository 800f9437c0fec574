package dev.tracklight.core.delay;

import dev.tracklight.core.model.Shipment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long an open shipment may go without a scan before it counts as stalled. One default for every
 * stage for now; per-stage, per-carrier and per-tenant SLAs replace it with the ETA and delay engine.
 */
public final class StageSla {

    public static final Duration DEFAULT = Duration.ofHours(72);

    private StageSla() {
    }

    /** When the shipment becomes stalled if no scan arrives; empty once it reached a terminal status. */
    public static Optional<Instant> dueAt(Shipment shipment) {
        if (shipment.status().isTerminal()) {
            return Optional.empty();
        }
        Instant lastSeen = shipment.lastEvent() == null ? shipment.createdAt() : shipment.lastEvent().occurredAt();
        return Optional.of(lastSeen.plus(DEFAULT));
    }
}
