package dev.tracklight.core.analytics;

import dev.tracklight.core.analytics.Counter.StageMeasure;
import dev.tracklight.core.delay.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The reports read from figures whose every number is set by hand here. */
class ReportsTest {

    private static final TallyKey SF_DAY1 = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", null);
    private static final TallyKey SF_DAY2 = new TallyKey("2026-11-21", "sf", "CN-Zhejiang>CN-Shanghai", null);
    private static final TallyKey JD = new TallyKey("2026-11-20", "jd", "CN-Zhejiang>CN-Shanghai", null);
    private static final TallyKey HUB = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", "Hangzhou, Zhejiang, CN");
    private static final TallyKey HUB_DAY2 = new TallyKey("2026-11-21", "sf", "CN-Guangdong>CN-Shanghai", "Hangzhou, Zhejiang, CN");
    private static final TallyKey DEPOT = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", "Shanghai, Shanghai, CN");

    private static final Tally FIGURES = Tally.of(Map.of(
            SF_DAY1, Map.ofEntries(
                    Map.entry(Counter.EVENTS, 600L), Map.entry(Counter.RESPONDED_IN_TIME, 597L), Map.entry(Counter.UNMAPPED, 1L),
                    Map.entry(Counter.ACCEPTED, 100L), Map.entry(Counter.ACCEPTED_ON_TIME, 100L),
                    Map.entry(StageMeasure.UPDATES.of(Stage.LINE_HAUL), 300L), Map.entry(StageMeasure.LOCATED.of(Stage.LINE_HAUL), 270L),
                    Map.entry(StageMeasure.ENTRIES.of(Stage.LINE_HAUL), 100L), Map.entry(StageMeasure.EXITS.of(Stage.LINE_HAUL), 80L),
                    Map.entry(StageMeasure.DWELL_SECONDS.of(Stage.LINE_HAUL), 80 * 20 * 3600L), Map.entry(StageMeasure.GAPS.of(Stage.LINE_HAUL), 40L),
                    Map.entry(Counter.DELIVERED, 10L), Map.entry(Counter.ON_TIME, 6L), Map.entry(Counter.LATE, 2L), Map.entry(Counter.NO_PROMISE, 2L),
                    Map.entry(Counter.transitDays(1), 4L), Map.entry(Counter.transitDays(2), 5L), Map.entry(Counter.transitDays(5), 1L),
                    Map.entry(Counter.ETA_SCORED, 10L), Map.entry(Counter.ETA_INSIDE, 7L), Map.entry(Counter.ETA_ERROR_MINUTES, 1_500L),
                    Map.entry(Counter.LAST_MILE_SCORED, 10L), Map.entry(Counter.LAST_MILE_ACCURATE, 8L)),
            SF_DAY2, Map.of(Counter.EVENTS, 400L, Counter.RESPONDED_IN_TIME, 400L, Counter.ACCEPTED, 100L, Counter.ACCEPTED_ON_TIME, 99L,
                    Counter.DELIVERED, 10L, Counter.ON_TIME, 10L, Counter.transitDays(1), 10L),
            JD, Map.of(Counter.EVENTS, 50L, Counter.DELIVERED, 1L, Counter.LATE, 1L, Counter.transitDays(3), 1L),
            HUB, Map.of(Counter.VISITS, 10L, Counter.DWELL_SECONDS, 10 * 3 * 3600L),
            HUB_DAY2, Map.of(Counter.VISITS, 10L, Counter.DWELL_SECONDS, 10 * 5 * 3600L),
            DEPOT, Map.of(Counter.DWELL_SECONDS, 30 * 60L)));

    @Test
    void complianceJudgesEachStageOfTheTableAgainstItsTargetOrTheTenants() {
        List<SlaReport.Compliance> rows = SlaReport.compliance(FIGURES, Map.of(ServiceStage.IN_TRANSIT, 0.85));

        assertThat(rows).extracting(SlaReport.Compliance::stage, SlaReport.Compliance::measured, SlaReport.Compliance::met,
                        SlaReport.Compliance::share, SlaReport.Compliance::status)
                .containsExactly(
                        // 997 of 1,050 events in 2 s: 94.95 %, below 99 % by more than 1 point
                        tuple(ServiceStage.ORDER_CREATED, 1050L, 997L, 0.9495, Rag.RED),
                        // 199 of 200 accepted on time: 99.5 %, exactly the target
                        tuple(ServiceStage.WAREHOUSE_ACCEPTS, 200L, 199L, 0.995, Rag.GREEN),
                        // 1 unmapped code in 1,050: 99.9 % mapped … rounds to 0.999 but is 0.99905, over the target
                        tuple(ServiceStage.OUTBOUND_SCAN, 1050L, 1049L, 0.999, Rag.GREEN),
                        // 270 of 300 located: 90 %, under the table's 95 % but over the tenant's own 85 %
                        tuple(ServiceStage.IN_TRANSIT, 300L, 270L, 0.9, Rag.GREEN),
                        // 8 of 10 within ±15 min: 80 %, amber down to 80 % from a 90 % target
                        tuple(ServiceStage.LAST_MILE, 10L, 8L, 0.8, Rag.AMBER));
        assertThat(rows.get(3).target()).isEqualTo(0.85);
        assertThat(rows.get(0).target()).isEqualTo(0.99);
    }

    @Test
    void theFlowShowsEntriesExitsDwellPerExitAndCoverageOfEachStage() {
        SlaReport.StageFlow lineHaul = SlaReport.flow(FIGURES).stream().filter(row -> row.stage() == Stage.LINE_HAUL).findFirst().orElseThrow();

        assertThat(lineHaul).isEqualTo(new SlaReport.StageFlow(Stage.LINE_HAUL, 100, 80, 300, 40, 20.0, 0.9));
        assertThat(SlaReport.flow(FIGURES).stream().filter(row -> row.stage() == Stage.PICKUP_POINT).findFirst().orElseThrow())
                .isEqualTo(new SlaReport.StageFlow(Stage.PICKUP_POINT, 0, 0, 0, 0, null, null));
    }

    @Test
    void lanesAddTheirDaysUpAndReadTransitQuantilesFromTheDayCounts() {
        List<LaneReport.Row> rows = LaneReport.of(FIGURES);

        // sf: 20 deliveries, 16 on time of 18 with a promise; days 1×14, 2×5, 5×1: half within 1 day, 90 % within 2
        assertThat(rows).containsExactly(
                new LaneReport.Row("sf", "CN-Zhejiang>CN-Shanghai", 1000, 20, 16, 2, 0.8889, 1, 2, 10, 0.7, 2.5),
                new LaneReport.Row("jd", "CN-Zhejiang>CN-Shanghai", 50, 1, 0, 1, 0.0, 3, 3, 0, null, null));
    }

    @Test
    void facilitiesRankByTheHoursAVisitLastsOverEveryLaneAndDay() {
        // Hangzhou: 20 visits, 80 h in all; the Shanghai depot: half an hour of a visit still going
        assertThat(FacilityReport.slowest(FIGURES, 10)).containsExactly(
                new FacilityReport.Row("sf", "Hangzhou, Zhejiang, CN", 20, 80.0, 4.0),
                new FacilityReport.Row("sf", "Shanghai, Shanghai, CN", 0, 0.5, 0.5));
        assertThat(FacilityReport.slowest(FIGURES, 1)).hasSize(1);
    }
}
