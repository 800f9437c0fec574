package dev.tracklight.core.eta;

import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EtaEstimatorTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final LaneTransit LANE = new LaneTransit(Duration.ofHours(40), Duration.ofHours(48), Duration.ofHours(60), 30);

    static TrackingEvent event(Status status, Instant at, Instant carrierEta) {
        return new TrackingEvent(EventIds.of("sf", "SF1", status.name(), at), "sf", "SF1", at, "+08:00", false, at,
                status, null, null, status.name(), "m", null, "test", carrierEta);
    }

    @Test
    void theCarriersOwnEstimateComesFirst() {
        Instant carrierEta = Instant.parse("2026-11-22T06:00:00Z");
        List<TrackingEvent> events = List.of(event(Status.PICKED_UP, T0, null), event(Status.IN_TRANSIT, T0.plusSeconds(3600), carrierEta));

        EtaWindow eta = EtaEstimator.estimate(Status.IN_TRANSIT, LocalDate.parse("2026-11-25"), null, events, Optional.of(LANE)).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.CARRIER_ESTIMATE);
        assertThat(eta.likely()).isEqualTo(carrierEta);
        assertThat(eta.early()).isBefore(eta.likely());
        assertThat(eta.late()).isAfter(eta.likely());
        assertThat(eta.localOffset()).isEqualTo("+08:00");
    }

    @Test
    void thenTheMerchantsPromiseAsADayAtTheDestination() {
        EtaWindow eta = EtaEstimator.estimate(Status.IN_TRANSIT, LocalDate.parse("2026-11-24"), null,
                List.of(event(Status.PICKED_UP, T0, null)), Optional.of(LANE)).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.MERCHANT_PROMISE);
        assertThat(eta.early()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
        assertThat(eta.late()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    }

    @Test
    void thenTheLanesTransitTimesFromHandOff() {
        List<TrackingEvent> events = List.of(event(Status.INFO_RECEIVED, T0.minusSeconds(86400), null), event(Status.PICKED_UP, T0, null));

        EtaWindow eta = EtaEstimator.estimate(Status.PICKED_UP, null, null, events, Optional.of(LANE)).orElseThrow();

        assertThat(eta.basis()).isEqualTo(EtaBasis.LANE_HISTORY);
        assertThat(eta.early()).isEqualTo(T0.plus(Duration.ofHours(40)));
        assertThat(eta.likely()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(eta.late()).isEqualTo(T0.plus(Duration.ofHours(60)));
    }

    @Test
    void beforeAnyScanAPromisedDayIsPlacedInTheDestinationCountrysZone() {
        var shanghai = new Location("Shanghai", "SH", "CN", null, null, null);

        EtaWindow eta = EtaEstimator.estimate(Status.PENDING, LocalDate.parse("2026-11-24"), shanghai, List.of(), Optional.empty()).orElseThrow();

        assertThat(eta.localOffset()).isEqualTo("+08:00");
        assertThat(eta.early()).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
    }

    @Test
    void noEstimateFromAThinLaneBeforeHandOffOrOnceTerminal() {
        List<TrackingEvent> pickedUp = List.of(event(Status.PICKED_UP, T0, null));
        LaneTransit thin = new LaneTransit(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3), 4);

        assertThat(EtaEstimator.estimate(Status.PICKED_UP, null, null, pickedUp, Optional.of(thin))).isEmpty();
        assertThat(EtaEstimator.estimate(Status.INFO_RECEIVED, null, null, List.of(event(Status.INFO_RECEIVED, T0, null)), Optional.of(LANE))).isEmpty();
        assertThat(EtaEstimator.estimate(Status.DELIVERED, LocalDate.parse("2026-11-24"), null, pickedUp, Optional.of(LANE))).isEmpty();
    }
}
