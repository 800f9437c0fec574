package dev.tracklight.core.tracking;

import dev.tracklight.core.delay.DelayPolicy;
import dev.tracklight.core.model.DelayStatus;
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

class ShipmentDecisionsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final DelayPolicy UPS = DelayPolicy.forCarrier("ups");

    private static Shipment registered(LocalDate promise) {
        return Shipment.registered("t", "s", null, "ups", "1Z", null, null, null, promise, null, "token", T0);
    }

    private static TrackingEvent scan(Status status, Instant at, String code) {
        return new TrackingEvent(EventIds.of("ups", "1Z", code, at, null), "ups", "1Z", at, "+08:00", false, at, status, null, null, code,
                "scan " + code, null, "test", null);
    }

    private static Decision decide(Shipment shipment, List<TrackingEvent> events, Instant now) {
        return ShipmentDecisions.decide(shipment, ShipmentFold.advance(shipment.progress(), events), Optional.empty(), UPS, now);
    }

    @Test
    void aNewScanMakesANewVersionToAnnounceWithItsDelayVerdict() {
        // GIVEN a shipment promised for yesterday, announced as registered
        Shipment shipment = registered(LocalDate.parse("2026-11-19"));
        Announced announced = new Announced(shipment.version(), null);

        // WHEN a pick-up scan arrives
        Decision decision = decide(shipment, List.of(scan(Status.PICKED_UP, T0.plusSeconds(3600), "p")), T0.plusSeconds(7200));

        // THEN the shipment moves on, a version later, and its change goes out with the late verdict it reached
        assertThat(decision.changed()).isTrue();
        assertThat(decision.next().status()).isEqualTo(Status.PICKED_UP);
        assertThat(decision.next().version()).isEqualTo(shipment.version() + 1);
        Announcement announcement = ShipmentDecisions.announcement(decision.next(), announced).orElseThrow();
        assertThat(announcement.delaySignal()).contains(DelaySignal.DELAYED);
        assertThat(announcement.endSubscription()).isFalse();
        assertThat(announcement.marks()).isEqualTo(new Announced(decision.next().version(), decision.next().delayStatus()));
        assertThat(decision.delivery()).isEmpty();
    }

    @Test
    void decidingAgainAtTheSameMomentChangesNothingAndAnAnnouncedVersionIsNotAnnouncedAgain() {
        Shipment shipment = registered(LocalDate.parse("2026-11-25"));
        Instant now = T0.plusSeconds(7200);
        Shipment once = decide(shipment, List.of(scan(Status.IN_TRANSIT, T0.plusSeconds(3600), "t")), now).next();

        Decision again = ShipmentDecisions.decide(once, once.progress(), Optional.empty(), UPS, now);

        assertThat(again.changed()).isFalse();
        assertThat(again.next()).isSameAs(once);
        assertThat(ShipmentDecisions.announcement(once, new Announced(once.version(), once.delayStatus()))).isEmpty();
        assertThat(ShipmentDecisions.announcement(once, new Announced(once.version() - 1, null)))
                .as("a version written but not announced (a crash in between) goes out with the next handling").isPresent();
    }

    @Test
    void aDeliveryIsLearntFromItsHandOffScoredAgainstTheEstimateShownAndEndsTheSubscription() {
        Shipment shipment = registered(LocalDate.parse("2026-11-25"));
        Instant pickedUp = T0.plusSeconds(3600);
        Shipment moving = decide(shipment, List.of(scan(Status.PICKED_UP, pickedUp, "p")), T0.plusSeconds(7200)).next();

        Instant deliveredAt = T0.plus(Duration.ofDays(2));
        Decision delivered = decide(moving, List.of(scan(Status.DELIVERED, deliveredAt, "d")), deliveredAt.plusSeconds(60));

        assertThat(delivered.delivery()).hasValueSatisfying(delivery -> {
            assertThat(delivery.handOff()).isEqualTo(pickedUp);
            assertThat(delivery.deliveredAt()).isEqualTo(deliveredAt);
            assertThat(delivery.lastEstimate()).isEqualTo(moving.eta());
        });
        assertThat(ShipmentDecisions.announcement(delivered.next(), new Announced(moving.version(), moving.delayStatus())))
                .hasValueSatisfying(announcement -> assertThat(announcement.endSubscription()).isTrue());
    }

    @Test
    void backOnTrackIsSaidOnlyOfAShipmentAnnouncedAsDelayed() {
        Shipment shipment = registered(LocalDate.parse("2026-11-25"));
        Shipment onTime = decide(shipment, List.of(scan(Status.IN_TRANSIT, T0.plusSeconds(3600), "t")), T0.plusSeconds(7200)).next();

        assertThat(DelaySignal.between(DelayStatus.LATE, onTime)).contains(DelaySignal.BACK_ON_TRACK);
        assertThat(DelaySignal.between(null, onTime)).isEmpty();
    }
}
