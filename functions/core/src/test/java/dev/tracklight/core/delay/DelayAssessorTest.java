package dev.tracklight.core.delay;

import dev.tracklight.core.model.DelayReason;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
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
        TrackingEvent scan = new TrackingEvent(EventIds.of("ups", "1Z", "x", LAST_SCAN, null), "ups", "1Z", LAST_SCAN, "+00:00", false,
                LAST_SCAN, status, null, null, "x", "scan", null, "test", null);
        return Shipment.registered("t", "s", null, "ups", "1Z", null, null, null, promise, null, "token", LAST_SCAN)
                .withProgress(ShipmentFold.fold(List.of(scan)), new Outlook(null, null, null), LAST_SCAN);
    }

    private static Optional<EtaWindow> eta(String early, String likely, String late) {
        return Optional.of(new EtaWindow(Instant.parse(early), Instant.parse(likely), Instant.parse(late), 0.8, EtaBasis.CARRIER_ESTIMATE, "+00:00"));
    }

    private static Optional<DelayAssessment> assess(Shipment shipment, Optional<EtaWindow> eta, Instant now) {
        return DelayAssessor.assess(shipment, shipment.progress(), eta, DelayPolicy.forCarrier("ups"), now);
    }

    private static final Instant SOON = LAST_SCAN.plus(Duration.ofHours(10));

    @Test
    void onTimeWhenTheWholeWindowIsBeforeThePromiseEnds() {
        var delay = assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "2026-11-21T14:00:00Z"), SOON);

        assertThat(delay).map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
    }

    @Test
    void atRiskWhenOnlyTheLateEdgePassesThePromise() {
        var delay = assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-22T20:00:00Z", "2026-11-22T22:00:00Z", "2026-11-23T02:00:00Z"), SOON);

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

        assertThat(assess(shipment(Status.IN_TRANSIT, PROMISE), Optional.of(warned), SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.AT_RISK);
        assertThat(assess(shipment(Status.IN_TRANSIT, PROMISE), Optional.of(notWarned), SOON))
                .as("a wide window alone is not a warning once the engine has judged it").map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
    }

    @Test
    void lateWhenTheLikelyArrivalOrTheClockPassesThePromise() {
        var likelyLate = assess(shipment(Status.IN_TRANSIT, PROMISE), eta("2026-11-22T22:00:00Z", "2026-11-23T02:00:00Z", "2026-11-23T06:00:00Z"), SOON);
        var promisePassed = assess(shipment(Status.OUT_FOR_DELIVERY, LocalDate.parse("2026-11-19")), Optional.empty(), SOON);

        assertThat(likelyLate).map(DelayAssessment::reason).hasValue(DelayReason.LIKELY_AFTER_PROMISE);
        assertThat(promisePassed).map(DelayAssessment::status).hasValue(DelayStatus.LATE);
        assertThat(promisePassed).map(DelayAssessment::reason).hasValue(DelayReason.PROMISE_PASSED);
    }

    @Test
    void stalledWhenNoScanCameForLongerThanTheStageAllowsWithOrWithoutAPromise() {
        Instant fourDaysLater = LAST_SCAN.plus(Duration.ofHours(96));

        var delay = assess(shipment(Status.IN_TRANSIT, null), Optional.empty(), fourDaysLater).orElseThrow();

        assertThat(delay.status()).isEqualTo(DelayStatus.STALLED);
        assertThat(delay.hoursWithoutScan()).isEqualTo(96);
        assertThat(delay.message()).isEqualTo("No carrier scan for 96 hours; this stage usually takes at most 72.");
    }

    @Test
    void deliveredShipmentsAreJudgedByWhenTheyArrived() {
        assertThat(assess(shipment(Status.DELIVERED, PROMISE), Optional.empty(), SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
        assertThat(assess(shipment(Status.DELIVERED, LocalDate.parse("2026-11-19")), Optional.empty(), SOON))
                .map(DelayAssessment::reason).hasValue(DelayReason.DELIVERED_LATE);
        assertThat(assess(shipment(Status.IN_TRANSIT, null), Optional.empty(), SOON)).isEmpty();
    }

    @Test
    void aTenantsOwnThresholdOnTheChanceOfMissingThePromiseWinsOverTheEngines() {
        var engineSaysFine = new EtaWindow(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T12:00:00Z"),
                Instant.parse("2026-11-21T14:00:00Z"), 0.8, EtaBasis.LANE_HISTORY, "+00:00", LocalDate.parse("2026-11-22"), 0.15, false);
        Shipment shipment = shipment(Status.IN_TRANSIT, PROMISE);
        var cautious = new DelayPolicy(StageSla.DEFAULT, 0.10);
        var relaxed = new DelayPolicy(StageSla.DEFAULT, 0.50);

        assertThat(DelayAssessor.assess(shipment, shipment.progress(), Optional.of(engineSaysFine), cautious, SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.AT_RISK);
        assertThat(DelayAssessor.assess(shipment, shipment.progress(), Optional.of(engineSaysFine), relaxed, SOON))
                .map(DelayAssessment::status).hasValue(DelayStatus.ON_TIME);
    }

    @Test
    void aVerdictKeepsTheMomentItWasDetectedWhileItHolds() {
        Shipment shipment = shipment(Status.IN_TRANSIT, null);
        DelayPolicy policy = DelayPolicy.forCarrier("ups");
        Instant stalledAt = LAST_SCAN.plus(Duration.ofHours(73));

        var first = DelayAssessor.outlook(shipment, shipment.progress(), Optional.empty(), policy, stalledAt);
        Shipment judged = shipment.withProgress(shipment.progress(), first, stalledAt);
        var again = DelayAssessor.outlook(judged, judged.progress(), Optional.empty(), policy, stalledAt.plus(Duration.ofHours(5)));

        assertThat(first.delay().status()).isEqualTo(DelayStatus.STALLED);
        assertThat(first.delay().detectedAt()).isEqualTo(stalledAt);
        assertThat(again.delay().detectedAt()).as("the same verdict, detected at the same moment").isEqualTo(stalledAt);
        assertThat(again.delay().hoursWithoutScan()).as("its figures current").isEqualTo(78);
    }

    @Test
    void theVerdictIsDueAgainWhenTheStageSlaRunsOutOrThePromisePassesWhicheverComesFirst() {
        DelayPolicy policy = DelayPolicy.forCarrier("ups");
        Shipment promisedSoon = shipment(Status.IN_TRANSIT, LocalDate.parse("2026-11-20"));
        Shipment promisedLater = shipment(Status.IN_TRANSIT, LocalDate.parse("2026-11-30"));
        Instant now = LAST_SCAN.plus(Duration.ofHours(1));

        assertThat(DelayAssessor.outlook(promisedSoon, promisedSoon.progress(), Optional.empty(), policy, now).recheckAt())
                .as("end of the promised day").isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(DelayAssessor.outlook(promisedLater, promisedLater.progress(), Optional.empty(), policy, now).recheckAt())
                .as("line haul SLA").isEqualTo(LAST_SCAN.plus(Duration.ofHours(72)));
        assertThat(DelayAssessor.outlook(promisedLater, promisedLater.progress(), Optional.empty(), policy, LAST_SCAN.plus(Duration.ofHours(80))).recheckAt())
                .as("once stalled, the promise is what is left to watch").isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        Shipment delivered = shipment(Status.DELIVERED, LocalDate.parse("2026-11-30"));
        assertThat(DelayAssessor.outlook(delivered, delivered.progress(), Optional.empty(), policy, now).recheckAt()).isNull();
    }
}
