package dev.tracklight.core.state;

import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.tracklight.core.model.Status.DELIVERED;
import static dev.tracklight.core.model.Status.DELIVERY_ATTEMPTED;
import static dev.tracklight.core.model.Status.EXCEPTION;
import static dev.tracklight.core.model.Status.INFO_RECEIVED;
import static dev.tracklight.core.model.Status.IN_TRANSIT;
import static dev.tracklight.core.model.Status.OUT_FOR_DELIVERY;
import static dev.tracklight.core.model.Status.PENDING;
import static dev.tracklight.core.model.Status.PICKED_UP;
import static dev.tracklight.core.model.Status.RETURNING;
import static org.assertj.core.api.Assertions.assertThat;

class ShipmentFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    static TrackingEvent event(int hour, Status status, String code) {
        Instant at = T0.plusSeconds(hour * 3600L);
        return new TrackingEvent(EventIds.of("ups", "1Z1", code, at, null), "ups", "1Z1", at, "+00:00", false, at,
                status, status == null ? null : status.name().toLowerCase(), null, code, "message " + code, null, "test", null);
    }

    @Test
    void noEventsLeavesTheShipmentPending() {
        Progress progress = ShipmentFold.fold(List.of());

        assertThat(progress.status()).isEqualTo(PENDING);
        assertThat(progress.lastEvent()).isNull();
        assertThat(progress.eventCount()).isZero();
    }

    @Test
    void statusMovesForwardWithTheEvents() {
        Progress progress = ShipmentFold.fold(List.of(event(1, INFO_RECEIVED, "a"), event(2, PICKED_UP, "b"), event(3, IN_TRANSIT, "c")));

        assertThat(progress.status()).isEqualTo(IN_TRANSIT);
        assertThat(progress.lastEvent().rawCode()).isEqualTo("c");
        assertThat(progress.eventCount()).isEqualTo(3);
    }

    @Test
    void aLateOlderEventJoinsTheTimelineWithoutRegressingStatus() {
        // GIVEN the delivery arrived first and an old in-transit scan arrives after it
        Progress progress = ShipmentFold.fold(List.of(event(5, DELIVERED, "d"), event(2, IN_TRANSIT, "t")));

        // THEN it is delivered, and both events count
        assertThat(progress.status()).isEqualTo(DELIVERED);
        assertThat(progress.eventCount()).isEqualTo(2);
        assertThat(progress.lastEvent().rawCode()).isEqualTo("d");
    }

    @Test
    void aLaterBackwardsScanDoesNotRegress() {
        Progress progress = ShipmentFold.fold(List.of(event(1, OUT_FOR_DELIVERY, "o"), event(2, IN_TRANSIT, "t")));

        assertThat(progress.status()).isEqualTo(OUT_FOR_DELIVERY);
        assertThat(progress.lastEvent().rawCode()).isEqualTo("t");
    }

    @Test
    void sideTracksAreEnteredFromAnywhereAndLeftForwards() {
        assertThat(ShipmentFold.fold(List.of(event(1, OUT_FOR_DELIVERY, "o"), event(2, EXCEPTION, "x"))).status()).isEqualTo(EXCEPTION);
        assertThat(ShipmentFold.fold(List.of(event(1, OUT_FOR_DELIVERY, "o"), event(2, DELIVERY_ATTEMPTED, "a"), event(3, OUT_FOR_DELIVERY, "o2"))).status())
                .isEqualTo(OUT_FOR_DELIVERY);
        // a failure followed by a delivery is not terminal
        assertThat(ShipmentFold.fold(List.of(event(1, IN_TRANSIT, "t"), event(2, EXCEPTION, "x"), event(3, DELIVERED, "d"))).status()).isEqualTo(DELIVERED);
        // after an exception the shipment may not fall back behind its furthest milestone
        assertThat(ShipmentFold.fold(List.of(event(1, IN_TRANSIT, "t"), event(2, EXCEPTION, "x"), event(3, PICKED_UP, "p"))).status()).isEqualTo(EXCEPTION);
    }

    @Test
    void aTerminalStatusIsLeftOnlyForAnExplicitLaterSideTrack() {
        assertThat(ShipmentFold.fold(List.of(event(1, DELIVERED, "d"), event(2, OUT_FOR_DELIVERY, "o"))).status()).isEqualTo(DELIVERED);
        assertThat(ShipmentFold.fold(List.of(event(1, DELIVERED, "d"), event(2, RETURNING, "r"))).status()).isEqualTo(RETURNING);
    }

    @Test
    void informationalRowsJoinTheTimelineWithoutChangingStatus() {
        Progress progress = ShipmentFold.fold(List.of(event(1, IN_TRANSIT, "t"), event(2, null, "info")));

        assertThat(progress.status()).isEqualTo(IN_TRANSIT);
        assertThat(progress.subStatus()).isEqualTo("in_transit");
        assertThat(progress.lastEvent().rawCode()).isEqualTo("info");
    }

    @Test
    void duplicatesAreNoOps() {
        TrackingEvent pickedUp = event(1, PICKED_UP, "p");
        assertThat(ShipmentFold.fold(List.of(pickedUp, pickedUp, event(2, IN_TRANSIT, "t"), pickedUp)))
                .isEqualTo(ShipmentFold.fold(List.of(pickedUp, event(2, IN_TRANSIT, "t"))));
    }

    @Test
    void anyArrivalOrderWithDuplicatesEndsInTheStateOfTheSortedDistinctStream() {
        Random random = new Random(20261122);
        Status[] statuses = Status.values();
        for (int stream = 0; stream < 2_000; stream++) {
            List<TrackingEvent> distinct = new ArrayList<>();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                Status status = random.nextInt(6) == 0 ? null : statuses[random.nextInt(statuses.length)];
                distinct.add(event(random.nextInt(48), status, "c" + i));
            }
            List<TrackingEvent> delivered = new ArrayList<>(distinct);
            for (int i = 0; i < length / 2 + 1; i++) {
                delivered.add(distinct.get(random.nextInt(length)));
            }
            Collections.shuffle(delivered, random);
            List<TrackingEvent> sorted = distinct.stream().sorted(ShipmentFold.CHRONOLOGICAL).toList();

            assertThat(ShipmentFold.fold(delivered)).as("stream %d", stream).isEqualTo(ShipmentFold.fold(sorted));
        }
    }

    @Test
    void foldingNewerEventsOntoKeptProgressEqualsFoldingTheWholeSet() {
        // GIVEN many random streams in time order, with side tracks, carrier estimates and repeats
        Random random = new Random(20261203);
        Status[] statuses = {INFO_RECEIVED, PICKED_UP, IN_TRANSIT, EXCEPTION, DELIVERY_ATTEMPTED, OUT_FOR_DELIVERY, DELIVERED, RETURNING, null};
        for (int stream = 0; stream < 500; stream++) {
            List<TrackingEvent> events = new ArrayList<>();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                TrackingEvent event = event(i, statuses[random.nextInt(statuses.length)], "c" + i);
                events.add(random.nextInt(4) == 0 ? withCarrierEta(event, T0.plusSeconds(86_400L * (1 + random.nextInt(5)))) : event);
            }
            int split = random.nextInt(length + 1);

            // WHEN the first part is folded, then the rest advanced onto it (in batches as they come)
            Progress progress = ShipmentFold.fold(events.subList(0, split));
            for (int from = split; from < length; ) {
                int to = Math.min(length, from + 1 + random.nextInt(3));
                List<TrackingEvent> batch = new ArrayList<>(events.subList(from, to));
                Collections.shuffle(batch, random);
                assertThat(ShipmentFold.canAdvance(progress, batch)).isTrue();
                progress = ShipmentFold.advance(progress, batch);
                from = to;
            }

            // THEN it is exactly the fold of the whole set, milestones included
            assertThat(progress).as("stream %d split at %d", stream, split).isEqualTo(ShipmentFold.fold(events));
        }
    }

    @Test
    void anEventOlderThanTheNewestFoldedCannotBeAdvancedOnto() {
        Progress progress = ShipmentFold.fold(List.of(event(1, PICKED_UP, "a"), event(5, IN_TRANSIT, "b")));

        assertThat(ShipmentFold.canAdvance(progress, List.of(event(3, IN_TRANSIT, "late")))).isFalse();
        assertThat(ShipmentFold.canAdvance(progress, List.of(event(6, OUT_FOR_DELIVERY, "next")))).isTrue();
        assertThat(ShipmentFold.canAdvance(new Progress(IN_TRANSIT, null, progress.lastEvent(), 2, null), List.of(event(6, OUT_FOR_DELIVERY, "n"))))
                .as("a shipment stored before milestones were kept folds its timeline again").isFalse();
    }

    @Test
    void milestonesKeepTheHandOffTheNewestCarrierEstimateAndTheLastVanScan() {
        Instant promised = T0.plusSeconds(3 * 86_400L);
        Progress progress = ShipmentFold.fold(List.of(event(1, INFO_RECEIVED, "i"), event(3, IN_TRANSIT, "t"), event(2, PICKED_UP, "p"),
                withCarrierEta(event(4, IN_TRANSIT, "e1"), promised.minusSeconds(3600)), withCarrierEta(event(5, null, "e2"), promised),
                event(6, OUT_FOR_DELIVERY, "o1"), event(7, EXCEPTION, "x"), event(8, OUT_FOR_DELIVERY, "o2")));

        assertThat(progress.milestones().handOff()).isEqualTo(T0.plusSeconds(2 * 3600L));
        assertThat(progress.milestones().carrierEta()).isEqualTo(promised);
        assertThat(progress.milestones().outForDelivery()).isEqualTo(T0.plusSeconds(8 * 3600L));
        assertThat(progress.milestones().furthest()).isEqualTo(OUT_FOR_DELIVERY);
    }

    private static TrackingEvent withCarrierEta(TrackingEvent e, Instant eta) {
        return new TrackingEvent(e.eventId(), e.carrier(), e.trackingNumber(), e.occurredAt(), e.localOffset(), e.offsetInferred(), e.receivedAt(),
                e.status(), e.subStatus(), e.reason(), e.rawCode(), e.rawMessage(), e.location(), e.source(), eta);
    }
}
