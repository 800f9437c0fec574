package dev.tracklight.core.eta;

import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EtaEstimatorTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Location SHANGHAI = new Location("Shanghai", "SH", "CN", "200000", 31.23, 121.47);
    private static final Location SHENZHEN = new Location("Shenzhen", "GD", "CN", "518000", 22.54, 114.06);

    static TrackingEvent event(Status status, Instant at, Instant carrierEta) {
        return new TrackingEvent(EventIds.of("sf", "SF1", status.name(), at, null), "sf", "SF1", at, "+08:00", false, at,
                status, null, null, status.name(), "m", null, "test", carrierEta);
    }

    private static Shipment shipment(LocalDate promised, Location destination) {
        return Shipment.registered("t", "s", null, "sf-express", "SF1", null, SHENZHEN, destination, promised, null, "token",
                T0.minus(Duration.ofDays(1)));
    }

    /** An engine that has seen 60 Shenzhen → Shanghai parcels take about two business days. */
    /** The fold of the events, as if it had reached {@code status}. */
    private static Progress progress(Status status, List<TrackingEvent> events) {
        Progress folded = ShipmentFold.fold(events);
        return new Progress(status, null, folded.lastEvent(), folded.eventCount(), folded.milestones());
    }

    private static TransitEngine trained() {
        Shipment lane = shipment(null, SHANGHAI);
        TransitEngine engine = new TransitEngine(ShipmentTransit.clock(lane));
        for (int i = 0; i < 60; i++) {
            Instant handOver = Instant.parse("2026-09-07T02:00:00Z").plus(Duration.ofDays(i / 5 * 7L + i % 5));
            var features = ShipmentTransit.features(lane, handOver, ZoneOffset.ofHours(8));
            var prediction = engine.predict(features, features.handedOverAt());
            engine.learn(features, features.handedOverAt().plusHours(44 + i % 9), prediction);
        }
        return engine;
    }

    @Test
    void theCarriersOwnEstimateComesFirst() {
        Instant carrierEta = Instant.parse("2026-11-22T06:00:00Z");
        List<TrackingEvent> events = List.of(event(Status.PICKED_UP, T0, null), event(Status.IN_TRANSIT, T0.plusSeconds(3600), carrierEta));

        EtaWindow eta = EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-25"), SHANGHAI), progress(Status.IN_TRANSIT, events),
                Optional.of(trained()), T0).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.CARRIER_ESTIMATE);
        assertThat(eta.likely()).isEqualTo(carrierEta);
        assertThat(eta.early()).isBefore(eta.likely());
        assertThat(eta.late()).isAfter(eta.likely());
        assertThat(eta.localOffset()).isEqualTo("+08:00");
    }

    @Test
    void thenTheTrainedEnginesWindowFromHandOffBeforeAnyPromise() {
        List<TrackingEvent> events = List.of(event(Status.INFO_RECEIVED, T0.minusSeconds(86400), null), event(Status.PICKED_UP, T0, null));

        EtaWindow eta = EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-30"), SHANGHAI), progress(Status.PICKED_UP, events),
                Optional.of(trained()), T0).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.LANE_HISTORY);
        var clock = ShipmentTransit.clock(shipment(null, SHANGHAI));
        var local = ZoneOffset.ofHours(8);
        double businessDays = clock.at(eta.likely().atOffset(local).toLocalDateTime()) - clock.at(T0.atOffset(local).toLocalDateTime());
        assertThat(businessDays).as("about two business days, as learnt").isBetween(1.2, 2.5);
        assertThat(eta.likely().atOffset(local).getDayOfWeek().getValue()).as("not on the weekend").isLessThanOrEqualTo(5);
        assertThat(eta.early()).isBefore(eta.likely());
        assertThat(eta.late()).isAfter(eta.likely());
        assertThat(eta.confidence()).isEqualTo(0.8);
        assertThat(eta.estimatedDeliveryDate()).as("the EDD is after the likely day").isAfterOrEqualTo(eta.likely().atOffset(local).toLocalDate());
        assertThat(eta.lateProbability()).as("a promise ten days out on a two-day lane").isLessThan(0.05);
        assertThat(eta.lateWarning()).isFalse();
    }

    @Test
    void theMerchantsPromiseWhileTheEngineKnowsTooLittle() {
        EtaWindow eta = EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-24"), SHANGHAI),
                progress(Status.IN_TRANSIT, List.of(event(Status.PICKED_UP, T0, null))), Optional.of(new TransitEngine(ShipmentTransit.clock(shipment(null, SHANGHAI)))), T0)
                .orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.MERCHANT_PROMISE);
        assertThat(eta.early()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(eta.late()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    }

    @Test
    void beforeAnyScanAPromisedDayIsPlacedInTheDestinationCountrysZone() {
        EtaWindow eta = EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-24"), SHANGHAI), progress(Status.PENDING, List.of()),
                Optional.of(trained()), T0).orElseThrow();

        assertThat(eta.localOffset()).isEqualTo("+08:00");
        assertThat(eta.early()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    }

    @Test
    void aHandOffOutsideTheCalendarFallsBackToThePromiseInsteadOfFailing() {
        Instant mistypedYear = Instant.parse("1999-11-20T02:00:00Z");

        EtaWindow eta = EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-24"), SHANGHAI),
                progress(Status.PICKED_UP, List.of(event(Status.PICKED_UP, mistypedYear, null))), Optional.of(trained()), T0).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.MERCHANT_PROMISE);
    }

    @Test
    void noEstimateWithoutPromiseBeforeHandOffOrOnceTerminal() {
        List<TrackingEvent> pickedUp = List.of(event(Status.PICKED_UP, T0, null));

        assertThat(EtaEstimator.estimate(shipment(null, SHANGHAI), progress(Status.INFO_RECEIVED, List.of(event(Status.INFO_RECEIVED, T0, null))),
                Optional.of(trained()), T0)).isEmpty();
        assertThat(EtaEstimator.estimate(shipment(LocalDate.parse("2026-11-24"), SHANGHAI), progress(Status.DELIVERED, pickedUp),
                Optional.of(trained()), T0)).isEmpty();
    }

    @Test
    void onTheVanTheRestOfThatDaysRoundsUntilTheyAreOver() {
        // GIVEN a parcel out for delivery at 09:00 in Shanghai (01:00 UTC)
        Instant outForDelivery = Instant.parse("2026-11-20T01:00:00Z");
        List<TrackingEvent> events = List.of(event(Status.PICKED_UP, T0.minus(Duration.ofDays(2)), null),
                event(Status.OUT_FOR_DELIVERY, outForDelivery, null));
        Shipment shipment = shipment(LocalDate.parse("2026-11-25"), SHANGHAI);

        // WHEN judged at 10:00, and again the next morning
        EtaWindow sameDay = EtaEstimator.estimate(shipment, progress(Status.OUT_FOR_DELIVERY, events), Optional.of(trained()),
                outForDelivery.plus(Duration.ofHours(1))).orElseThrow();
        EtaWindow nextDay = EtaEstimator.estimate(shipment, progress(Status.OUT_FOR_DELIVERY, events), Optional.of(trained()),
                outForDelivery.plus(Duration.ofHours(24))).orElseThrow();

        // THEN from now to 21:00 that day, most likely by 13:00; the next day the van's day is over
        assertThat(sameDay.basis()).isEqualTo(EtaBasis.OUT_FOR_DELIVERY);
        assertThat(sameDay.early()).isEqualTo(outForDelivery.plus(Duration.ofHours(1)));
        assertThat(sameDay.likely()).isEqualTo(Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(sameDay.late()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        assertThat(nextDay.basis()).isNotEqualTo(EtaBasis.OUT_FOR_DELIVERY);
    }

    @Test
    void onTheVanAnOlderCarrierEstimateForAnotherDayGivesWayToTheRounds() {
        // GIVEN the carrier said "tomorrow 15:00" yesterday, and the parcel went out for delivery this morning at 09:00
        Instant outForDelivery = Instant.parse("2026-11-20T01:00:00Z");
        Instant saidTomorrow = Instant.parse("2026-11-21T07:00:00Z");
        List<TrackingEvent> events = List.of(event(Status.IN_TRANSIT, outForDelivery.minus(Duration.ofHours(20)), saidTomorrow),
                event(Status.OUT_FOR_DELIVERY, outForDelivery, null));

        // WHEN judged at 10:00
        EtaWindow window = EtaEstimator.estimate(shipment(null, SHANGHAI), progress(Status.OUT_FOR_DELIVERY, events), Optional.empty(),
                outForDelivery.plus(Duration.ofHours(1))).orElseThrow();

        // THEN today's rounds, not tomorrow
        assertThat(window.basis()).isEqualTo(EtaBasis.OUT_FOR_DELIVERY);
        assertThat(window.late()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
    }

    @Test
    void onTheVanACarrierEstimateWithinTheRoundsStaysInsideThem() {
        // GIVEN out for delivery at 09:00 and the carrier expecting it at 20:30, its window reaching past the rounds' 21:00
        Instant outForDelivery = Instant.parse("2026-11-20T01:00:00Z");
        Instant carrierSays = Instant.parse("2026-11-20T12:30:00Z");
        List<TrackingEvent> events = List.of(event(Status.OUT_FOR_DELIVERY, outForDelivery, carrierSays));

        EtaWindow window = EtaEstimator.estimate(shipment(null, SHANGHAI), progress(Status.OUT_FOR_DELIVERY, events), Optional.empty(),
                outForDelivery.plus(Duration.ofHours(1))).orElseThrow();

        // THEN the carrier's estimate, cut at the end of the rounds
        assertThat(window.basis()).isEqualTo(EtaBasis.CARRIER_ESTIMATE);
        assertThat(window.likely()).isEqualTo(carrierSays);
        assertThat(window.late()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
    }

    @Test
    void theRoundsAreTheDestinationsEvenWhenTheCarrierWritesItsScansInUtc() {
        // GIVEN a Shanghai parcel out for delivery at 09:00 local, its scan written as 01:00 UTC ("+00:00")
        Instant outForDelivery = Instant.parse("2026-11-20T01:00:00Z");
        TrackingEvent inUtc = new TrackingEvent(EventIds.of("sf", "SF1", "OFD", outForDelivery, null), "sf", "SF1", outForDelivery, "+00:00", false,
                outForDelivery, Status.OUT_FOR_DELIVERY, null, null, "OFD", "m", null, "test", null);

        EtaWindow window = EtaEstimator.estimate(shipment(null, SHANGHAI), progress(Status.OUT_FOR_DELIVERY, List.of(inUtc)), Optional.empty(),
                outForDelivery.plus(Duration.ofHours(1))).orElseThrow();

        // THEN the rounds end at 21:00 in Shanghai, not at 21:00 UTC (05:00 the next morning there)
        assertThat(window.late()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        assertThat(window.localOffset()).isEqualTo("+08:00");
    }
}
