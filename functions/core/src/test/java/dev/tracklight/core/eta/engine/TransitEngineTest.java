package dev.tracklight.core.eta.engine;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GIVEN a history of deliveries on two lanes, WHEN the engine has learnt it, THEN its estimates follow each lane. */
class TransitEngineTest {

    private static final LocalDate START = LocalDate.parse("2026-01-05");
    private final BusinessClock clock = new BusinessClock(Set.of(), START.minusDays(10), START.plusYears(2));

    private static TransitFeatures lane(String lane, LocalDateTime handedOver, LocalDate promised) {
        return new TransitFeatures(List.of("to:" + lane, "A>" + lane), 500.0, handedOver.minusDays(1), promised, handedOver);
    }

    /** 200 weekday hand-offs per lane: {@code fast} takes about 2 business days, {@code slow} about 8. */
    private TransitEngine trained() {
        TransitEngine engine = new TransitEngine(clock);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            LocalDateTime handedOver = START.plusDays(i / 5 * 7 + i % 5).atTime(10, 0);
            for (String name : List.of("fast", "slow")) {
                double days = (name.equals("fast") ? 2 : 8) * Math.exp(0.2 * random.nextGaussian());
                TransitFeatures shipment = lane(name, handedOver, handedOver.toLocalDate().plusDays(20));
                TransitPrediction atHandOver = engine.predict(shipment, handedOver);
                engine.learn(shipment, clock.moment(clock.at(handedOver) + days), atHandOver);
            }
        }
        return engine;
    }

    private double businessDays(LocalDateTime from, LocalDateTime to) {
        return clock.at(to) - clock.at(from);
    }

    @Test
    void eachLaneGetsItsOwnEstimateAndAWindowAroundIt() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");

        TransitPrediction fast = engine.predict(lane("fast", monday, null), monday);
        TransitPrediction slow = engine.predict(lane("slow", monday, null), monday);

        assertThat(businessDays(monday, fast.likely())).isBetween(1.6, 2.5);
        assertThat(businessDays(monday, slow.likely())).isBetween(6.5, 9.5);
        assertThat(fast.early()).isBefore(fast.likely());
        assertThat(fast.late()).isAfter(fast.likely());
        assertThat(slow.estimatedDeliveryDate()).isAfterOrEqualTo(slow.late().toLocalDate());
        assertThat(fast.lateProbability()).as("no promise, no probability").isNaN();
    }

    @Test
    void onDeliveriesItHasNotSeenTheWindowHoldsFourInFiveDeliveryDaysAndTheEddIsRarelyMissed() {
        // GIVEN an engine that has learnt a lane of about 3 business days, its parcels handed over at random hours
        TransitEngine engine = new TransitEngine(clock);
        Random random = new Random(7);
        int held = 0;
        int missed = 0;
        int scored = 0;
        for (int i = 0; i < 1500; i++) {
            LocalDateTime handedOver = START.plusDays(i / 10 * 7 / 5 + (i / 10) % 5).atTime(8 + random.nextInt(10), random.nextInt(60));
            TransitFeatures shipment = lane("mid", handedOver, null);
            TransitPrediction atHandOver = engine.predict(shipment, handedOver);
            LocalDateTime delivered = clock.moment(clock.at(handedOver) + 3 * Math.exp(0.35 * random.nextGaussian()));
            // WHEN the last 500 are scored as a consumer reads them: by date
            if (i >= 1000) {
                LocalDate day = delivered.toLocalDate();
                held += !day.isBefore(atHandOver.early().toLocalDate()) && !day.isAfter(atHandOver.late().toLocalDate()) ? 1 : 0;
                missed += day.isAfter(atHandOver.estimatedDeliveryDate()) ? 1 : 0;
                scored++;
            }
            engine.learn(shipment, delivered, atHandOver);
        }

        // THEN the window's days hold about 80 % of them, not the 90 % a window of p10–p90 timestamps spans in days,
        // and at most about one in twenty arrives after the EDD
        assertThat((double) held / scored).isBetween(0.74, 0.86);
        assertThat((double) missed / scored).isBetween(0.01, 0.06);
    }

    @Test
    void aTightPromiseIsLikelyToBeMissedAndWarnedAbout() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");

        TransitPrediction tight = engine.predict(lane("slow", monday, monday.toLocalDate().plusDays(2)), monday);
        TransitPrediction generous = engine.predict(lane("slow", monday, monday.toLocalDate().plusDays(30)), monday);

        assertThat(tight.lateProbability()).isGreaterThan(0.9);
        assertThat(tight.lateWarning()).isTrue();
        assertThat(generous.lateProbability()).isLessThan(0.05);
        assertThat(generous.lateWarning()).isFalse();
    }

    @Test
    void aParcelStillOnTheWayMovesTheEstimateLaterButNeverIntoThePast() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");
        TransitFeatures shipment = lane("fast", monday, null);
        LocalDateTime fourDaysOn = monday.plus(Duration.ofDays(4));

        TransitPrediction atHandOver = engine.predict(shipment, monday);
        TransitPrediction later = engine.predict(shipment, fourDaysOn);

        assertThat(later.likely()).isAfter(atHandOver.likely()).isAfter(fourDaysOn);
        assertThat(later.early()).isAfterOrEqualTo(fourDaysOn);
    }

    @Test
    void aParcelOnItsWayFarLongerThanAnySeenTransitIsNotExplained() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");
        TransitFeatures shipment = lane("fast", monday, null);

        assertThat(engine.explains(shipment, monday.plusDays(1))).isTrue();
        assertThat(engine.explains(shipment, monday.plusDays(200))).isFalse();
    }

    @Test
    void aSavedEngineContinuesExactlyWhereItWas() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");
        TransitFeatures shipment = lane("slow", monday, monday.toLocalDate().plusDays(9));

        String saved = Json.write(engine.snapshot());
        TransitEngine restored = new TransitEngine(clock, Json.read(saved, TransitEngine.Snapshot.class));

        assertThat(restored.predict(shipment, monday)).isEqualTo(engine.predict(shipment, monday));
        assertThat(restored.deliveries()).isEqualTo(400);
        assertThat(saved.length()).as("one small item").isLessThan(40_000);
    }

    @Test
    void aNewLaneStartsFromItsRegion() {
        TransitEngine engine = trained();
        LocalDateTime monday = LocalDateTime.parse("2027-01-04T10:00:00");
        TransitFeatures unseenOrigin = new TransitFeatures(List.of("to:slow", "B>slow"), 500.0, null, null, monday);

        assertThat(businessDays(monday, engine.predict(unseenOrigin, monday).likely())).isBetween(5.0, 9.5);
    }
}
