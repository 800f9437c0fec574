package dev.tracklight.core.delay;

import dev.tracklight.core.model.Shipment;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long an open shipment may go without a scan in each stage before it counts as stalled. The defaults
 * (README, "Stage SLAs") suit parcel networks that scan at every hub; a carrier or a tenant replaces any of
 * them with {@link #withOverrides}.
 */
public final class StageSla {

    private static final Map<Stage, Duration> DEFAULTS = Map.of(
            Stage.FIRST_MILE, Duration.ofHours(96),
            Stage.LINE_HAUL, Duration.ofHours(72),
            Stage.LAST_MILE, Duration.ofHours(30),
            Stage.PICKUP_POINT, Duration.ofDays(7),
            Stage.EXCEPTION, Duration.ofHours(96));

    /** The defaults, for every carrier and tenant that does not say otherwise. */
    public static final StageSla DEFAULT = new StageSla(DEFAULTS);

    private final Map<Stage, Duration> limits;

    private StageSla(Map<Stage, Duration> limits) {
        this.limits = Map.copyOf(limits);
    }

    /** These limits with some stages replaced (a carrier's or a tenant's). */
    public StageSla withOverrides(Map<Stage, Duration> overrides) {
        Map<Stage, Duration> merged = new EnumMap<>(limits);
        merged.putAll(overrides);
        return new StageSla(merged);
    }

    public Duration limit(Stage stage) {
        return limits.get(stage);
    }

    /** The limit of the stage the shipment is in now. */
    public Duration limitFor(Shipment shipment) {
        return limit(Stage.of(shipment.status()));
    }

    /** When the shipment becomes stalled if no scan arrives; empty once it reached a terminal status. */
    public Optional<Instant> dueAt(Shipment shipment) {
        if (shipment.status().isTerminal()) {
            return Optional.empty();
        }
        Instant lastSeen = shipment.lastEvent() == null ? shipment.createdAt() : shipment.lastEvent().occurredAt();
        return Optional.of(lastSeen.plus(limitFor(shipment)));
    }
}
