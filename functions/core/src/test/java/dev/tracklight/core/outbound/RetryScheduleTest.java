package dev.tracklight.core.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    @Test
    void retriesBackOffExponentiallyUpToSixHoursForThreeDays() {
        // GIVEN a delivery first attempted at t0 that fails every time
        Instant first = Instant.parse("2026-11-22T00:00:00Z");
        List<Duration> gaps = new ArrayList<>();
        Instant now = first;
        int failures = 0;

        // WHEN the schedule is followed until it gives up
        while (true) {
            failures++;
            Optional<Instant> next = RetrySchedule.DEFAULT.nextAttempt(failures, first, now);
            if (next.isEmpty()) {
                break;
            }
            gaps.add(Duration.between(now, next.get()));
            now = next.get();
        }

        // THEN the gaps double from a minute to six hours, and the last attempt is more than 24 h after the first
        assertThat(gaps.subList(0, 5)).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16));
        assertThat(gaps).allMatch(gap -> gap.compareTo(Duration.ofHours(6)) <= 0).contains(Duration.ofHours(6));
        assertThat(Duration.between(first, now)).isGreaterThan(Duration.ofHours(24)).isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(failures).as("attempts made").isEqualTo(20);
    }
}
