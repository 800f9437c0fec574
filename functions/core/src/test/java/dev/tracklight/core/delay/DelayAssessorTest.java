package dev.tracklight.core.delay;

import dev.tracklight.core.eta.EtaBasis;
import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DelayAssessorTest {

    private static final Instant LAST_SCAN = Instant.parse("2026-11-20T02:00:00Z");
    private static final LocalDate PROMISE = LocalDate.parse("2026-11-22");

    private static Shipment shipment(Status status, LocalDate promise) {
        TrackingEvent scan = new TrackingEvent(EventIds.of("ups", "1Z", "x", LAST_SCAN), "ups", "1Z", LAST_SCAN, "+00:00", false,
                LAST_SCAN, status, null, null, "x", "scan", null, "test", null);
        return Shipment.registered("t", "s", null, "ups", "1Z", null, null, null, promise, null, "token", LAST_SCAN)
                .withProgress(ShipmentFold.fold(List.of(scan)), null, LAST_SCAN);
    }

    private static Optional<EtaWindow> eta(String early, String likely, String late) {
        return Optional.of(new EtaWindow(Instant.parse(early), Instant.parse(likely), Instant.parse(late), 0.8, EtaBasis.CARRIER_ESTIMATE, "+00:00"));
    }

    private static final Instant SOON = LAST_SCAN.plus(Duration.ofHours(10));

    @Test
    void onTimeWhenTheWholeWindowIsBeforeThePromiseEnds() {
        var delay = DelayAssessor.assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "2026-11-21T14:00:00Z"), SOON);

        assertThat(delay).map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
    }

    @Test
    void atRiskWhenOnlyTheLateEdgePassesThePromise() {
        var delay = DelayAssessor.assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-22T20:00:00Z", "2026-11-22T22:00:00Z", "2026-11-23T02:00:00Z"), SOON);

        assertThat(delay).map(DelayAssessment::status).hasValue(DelayStatus.AT_RISK);
        assertThat(delay).map(DelayAssessment::reason).hasValue(DelayReason.MAY_MISS_PROMISE);
    }

    @Test
    void theEnginesWarningDecidesAtRiskWhenItAssessedThePromise() {
        Instant early = Instant.parse("2026-11-21T10:00:00Z");
        Instant likely = Instant.parse("2026-11-21T12:00:00Z");
        Instant lateEdgePastPromise = Instant.parse("2026-11-23T14:00:00Z");
        var warned = new EtaWindow(early, likely, Instant.parse("2026-11-21T14:00:00Z"), 0.8, EtaBasis.LANE_HISTORY, "+00:00",
                LocalDate.parse("2026-11-24"), 0.31, true);
        var notWarned = new EtaWindow(early, likely, lateEdgePastPromise, 0.8, EtaBasis.LANE_HISTORY, "+00:00",
                LocalDate.parse("2026-11-25"), 0.12, false);

        assertThat(DelayAssessor.assess(shipment(Status.IN_TRANSIT, PROMISE), Optional.of(warned), SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.AT_RISK);
        assertThat(DelayAssessor.assess(shipment(Status.IN_TRANSIT, PROMISE), Optional.of(notWarned), SOON))
                .as("a wide window alone is not a warning once the engine has judged it").map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
    }

    @Test
    void lateWhenTheLikelyArrivalOrTheClockPassesThePromise() {
        var likelyLate = DelayAssessor.assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-22T22:00:00Z", "2026-11-23T02:00:00Z", "2026-11-23T06:00:00Z"), SOON);
        var promisePassed = DelayAssessor.assess(shipment(Status.OUT_FOR_DELIVERY, LocalDate.parse("2026-11-19")), Optional.empty(), SOON);

        assertThat(likelyLate).map(DelayAssessment::reason).hasValue(DelayReason.LIKELY_AFTER_PROMISE);
        assertThat(promisePassed).map(DelayAssessment::status).hasValue(DelayStatus.LATE);
        assertThat(promisePassed).map(DelayAssessment::reason).hasValue(DelayReason.PROMISE_PASSED);
    }

    @Test
    void stalledWhenNoScanCameForLongerThanTheStageAllowsWithOrWithoutAPromise() {
        Instant fourDaysLater = LAST_SCAN.plus(Duration.ofHours(96));

        var delay = DelayAssessor.assess(shipment(Status.IN_TRANSIT, null), Optional.empty(), fourDaysLater).orElseThrow();

        assertThat(delay.status()).isEqualTo(DelayStatus.STALLED);
        assertThat(delay.hoursWithoutScan()).isEqualTo(96);
        assertThat(delay.message()).isEqualTo("No carrier scan for 96 hours; this stage usually takes at most 72.");
    }

    @Test
    void deliveredShipmentsAreJudgedByWhenTheyArrived() {
        assertThat(DelayAssessor.assess(shipment(Status.DELIVERED, PROMISE), Optional.empty(), SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
        assertThat(DelayAssessor.assess(shipment(Status.DELIVERED, LocalDate.parse("2026-11-19")), Optional.empty(), SOON))
                .map(DelayAssessment::reason).hasValue(DelayReason.DELIVERED_LATE);
        assertThat(DelayAssessor.assess(shipment(Status.IN_TRANSIT, null), Optional.empty(), SOON)).isEmpty();
    }
}
