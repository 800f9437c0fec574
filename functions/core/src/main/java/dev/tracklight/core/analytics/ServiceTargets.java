package dev.tracklight.core.analytics;

import dev.tracklight.core.delay.Stage;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The product's service-level table (docs/analytics.md): how often each stage should be updated, and the
 * indicator each stage is judged on. Counting uses the update targets; the report compares the counts with
 * the indicator targets, which a tenant may replace.
 */
public final class ServiceTargets {

    /** Receipt of a carrier's event to the shipment showing it: the system's response. */
    public static final Duration SYSTEM_RESPONSE = Duration.ofSeconds(2);
    /** A last-mile delivery is accurate when it lands within this of the window shown. */
    public static final Duration LAST_MILE_ACCURACY = Duration.ofMinutes(15);

    /** The longest a stage may go between two updates before the pause counts as a gap in its coverage. */
    private static final Map<Stage, Duration> UPDATE_EVERY = Map.of(
            Stage.LINE_HAUL, Duration.ofMinutes(30),
            Stage.LAST_MILE, Duration.ofMinutes(10));

    private ServiceTargets() {
    }

    /** Empty for stages the table sets no update frequency for. */
    public static Optional<Duration> updateEvery(Stage stage) {
        return Optional.ofNullable(UPDATE_EVERY.get(stage));
    }
}
