package dev.tracklight.core.delay;

import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long an open shipment may go without a scan in each stage before it counts as stalled. The defaults
 * (docs/delay.md) suit parcel networks that scan at every hub; {@link #forCarrier} lengthens them for
 * networks known to scan less often, and a tenant replaces any of them with {@link #withOverrides}.
 */
public final class StageSla {

    private static final Map<Stage, Duration> DEFAULTS = Map.of(
            Stage.FIRST_MILE, Duration.ofHours(96),
            Stage.LINE_HAUL, Duration.ofHours(72),
            Stage.LAST_MILE, Duration.ofHours(30),
            Stage.PICKUP_POINT, Duration.ofDays(7),
            Stage.EXCEPTION, Duration.ofHours(96));

    /**
     * Carriers whose line haul routinely goes longer without a scan: USPS scans at regional distribution
     * centres only, and international post is not scanned between the exchange offices.
     */
    private static final Map<String, Map<Stage, Duration>> CARRIER_DEFAULTS = Map.of(
            "usps", Map.of(Stage.LINE_HAUL, Duration.ofHours(96)),
            "china-post", Map.of(Stage.LINE_HAUL, Duration.ofDays(7)),
            "ems", Map.of(Stage.LINE_HAUL, Duration.ofDays(5)));

    /** The defaults, for every carrier and tenant that does not say otherwise. */
    public static final StageSla DEFAULT = new StageSla(DEFAULTS);

    private final Map<Stage, Duration> limits;

    private StageSla(Map<Stage, Duration> limits) {
        this.limits = Map.copyOf(limits);
    }

    /** The defaults with the carrier's own replacements, if it has any. */
    public static StageSla forCarrier(String carrier) {
        return DEFAULT.withOverrides(CARRIER_DEFAULTS.getOrDefault(carrier, Map.of()));
    }

    /** These limits with some stages replaced (a carrier's or a tenant's). */
    public StageSla withOverrides(Map<Stage, Duration> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<Stage, Duration> merged = new EnumMap<>(limits);
        merged.putAll(overrides);
        return new StageSla(merged);
    }

    public Duration limit(Stage stage) {
        return limits.get(stage);
    }

    /** The limit of the stage a shipment in this status is in. */
    public Duration limitFor(Status status) {
        return limit(Stage.of(status));
    }

    /**
     * When a shipment with this progress becomes stalled if no scan arrives; empty once it reached a
     * terminal status. Before any scan the clock runs from its registration.
     */
    public Optional<Instant> dueAt(Progress progress, Instant registeredAt) {
        if (progress.status().isTerminal()) {
            return Optional.empty();
        }
        Instant lastSeen = progress.lastEvent() == null ? registeredAt : progress.lastEvent().occurredAt();
        return Optional.of(lastSeen.plus(limitFor(progress.status())));
    }
}
