package dev.tracklight.core.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code firstDelay}, doubling with each failure up to
 * {@code maxDelay}, for {@code window} after its first attempt. The default gives a receiver that is down
 * 1, 2, 4 … minutes, then every 6 hours, for three days: 20 attempts.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, Duration window) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofDays(3));

    /**
     * The moment of the next attempt after {@code failedAttempts} failures, the latest at {@code now}; empty
     * once that moment would fall after the window, and the delivery has failed for good.
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant firstAttemptAt, Instant now) {
        Duration delay = failedAttempts > 30 ? maxDelay : firstDelay.multipliedBy(1L << Math.max(0, failedAttempts - 1));
        Instant next = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        return next.isAfter(firstAttemptAt.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
