package dev.tracklight.core.analytics;

import dev.tracklight.core.analytics.Counter.StageMeasure;
import dev.tracklight.core.delay.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UncountedTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final TallyKey LANE = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", null);
    private static final Tally ONE_SCAN = Tally.of(Map.of(LANE, Map.of(Counter.EVENTS, 1L, StageMeasure.UPDATES.of(Stage.LINE_HAUL), 1L)));
    private static final Tally A_MOVE = Tally.of(Map.of(LANE, Map.of(Counter.EVENTS, 1L, StageMeasure.ENTRIES.of(Stage.LAST_MILE), 1L)));

    @Test
    void scansWithinAStageWaitForAMoveAndAMoveIsCountedAtOnce() {
        // GIVEN two versions that each added a scan within the line haul
        Uncounted waiting = Uncounted.NONE.with(2, ONE_SCAN, T0).with(3, ONE_SCAN, T0.plusSeconds(60));

        // THEN they wait; a version that enters the last mile makes all of them due, summed
        assertThat(waiting.dueAt(T0.plusSeconds(120))).isFalse();
        Uncounted moved = waiting.with(4, A_MOVE, T0.plusSeconds(180));
        assertThat(moved.dueAt(T0.plusSeconds(180))).isTrue();
        assertThat(moved.total().get(LANE, Counter.EVENTS)).isEqualTo(3);
        assertThat(moved.lastVersion()).isEqualTo(4);
    }

    @Test
    void countsWaitNoLongerThanTheLongestWaitNorBeyondEnoughVersions() {
        Uncounted one = Uncounted.NONE.with(2, ONE_SCAN, T0);
        assertThat(one.dueAt(T0.plus(Uncounted.LONGEST_WAIT).minusSeconds(1))).isFalse();
        assertThat(one.dueAt(T0.plus(Uncounted.LONGEST_WAIT))).isTrue();

        Uncounted many = Uncounted.NONE;
        for (int version = 2; version < 2 + Uncounted.ENOUGH_VERSIONS; version++) {
            many = many.with(version, ONE_SCAN, T0);
        }
        assertThat(many.dueAt(T0.plusSeconds(1))).isTrue();
    }

    @Test
    void versionsCountedAreDroppedAndAVersionThatAddsNothingAddsNoEntry() {
        Uncounted pending = Uncounted.NONE.with(2, ONE_SCAN, T0).with(3, ONE_SCAN, T0).with(4, Tally.EMPTY, T0);

        assertThat(pending.byVersion()).containsOnlyKeys(2L, 3L);
        assertThat(pending.after(2).byVersion()).containsOnlyKeys(3L);
        assertThat(pending.after(3)).isEqualTo(Uncounted.NONE);
        assertThat(Uncounted.NONE.dueAt(T0.plus(Duration.ofDays(1)))).isFalse();
    }
}
