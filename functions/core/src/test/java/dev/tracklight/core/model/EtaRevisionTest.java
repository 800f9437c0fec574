package dev.tracklight.core.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EtaRevisionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static EtaWindow likelyAt(Instant likely, EtaBasis basis) {
        return new EtaWindow(likely.minus(Duration.ofHours(6)), likely, likely.plus(Duration.ofHours(30)), 0.8, basis, "+08:00");
    }

    @Test
    void keepsTheFirstEstimateAndEveryNoticeableChangeButNotTheHourlyDrift() {
        // GIVEN a first estimate from the promise
        var revisions = EtaRevision.append(List.of(), likelyAt(T0.plus(Duration.ofDays(3)), EtaBasis.MERCHANT_PROMISE), T0);

        // WHEN it drifts by minutes, then the engine takes over, then it moves by a day
        revisions = EtaRevision.append(revisions, likelyAt(T0.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(20)), EtaBasis.MERCHANT_PROMISE), T0.plusSeconds(60));
        revisions = EtaRevision.append(revisions, likelyAt(T0.plus(Duration.ofDays(3)), EtaBasis.LANE_HISTORY), T0.plusSeconds(120));
        revisions = EtaRevision.append(revisions, likelyAt(T0.plus(Duration.ofDays(4)), EtaBasis.LANE_HISTORY), T0.plusSeconds(180));
        revisions = EtaRevision.append(revisions, null, T0.plusSeconds(240));

        // THEN three revisions, the original first
        assertThat(revisions).extracting(EtaRevision::revisedAt).containsExactly(T0, T0.plusSeconds(120), T0.plusSeconds(180));
        assertThat(revisions.getFirst().window().basis()).isEqualTo(EtaBasis.MERCHANT_PROMISE);
    }

    @Test
    void aLongHistoryKeepsTheOriginalAndTheNewest() {
        List<EtaRevision> revisions = List.of();
        for (int day = 0; day < EtaRevision.MAX_KEPT + 10; day++) {
            revisions = EtaRevision.append(revisions, likelyAt(T0.plus(Duration.ofDays(day)), EtaBasis.LANE_HISTORY), T0.plus(Duration.ofHours(day)));
        }

        assertThat(revisions).hasSize(EtaRevision.MAX_KEPT);
        assertThat(revisions.getFirst().revisedAt()).isEqualTo(T0);
        assertThat(revisions.getLast().revisedAt()).isEqualTo(T0.plus(Duration.ofHours(EtaRevision.MAX_KEPT + 9)));
        assertThat(revisions.get(1).revisedAt()).isEqualTo(T0.plus(Duration.ofHours(11)));
    }
}
