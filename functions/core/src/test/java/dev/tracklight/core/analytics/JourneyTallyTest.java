package dev.tracklight.core.analytics;

import dev.tracklight.core.analytics.Counter.StageMeasure;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.model.Delivery;
import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JourneyTallyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Location HANGZHOU = Location.cityLevel("Hangzhou", "Zhejiang", "CN");
    private static final Location SHANGHAI = Location.cityLevel("Shanghai", "Shanghai", "CN");
    private static final Shipment SHIPMENT = Shipment.registered("t", "s", null, "sf", "SF1", null, HANGZHOU, SHANGHAI,
            LocalDate.parse("2026-11-21"), null, "token", T0);
    /** Long after every event was received: nothing counts as answered in time, whatever the arrival order. */
    private static final Instant LATER = T0.plus(Duration.ofDays(3));

    private static final TallyKey LANE = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", null);
    private static final TallyKey AT_HANGZHOU = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", "Hangzhou, Zhejiang, CN");
    private static final TallyKey AT_SHANGHAI = new TallyKey("2026-11-20", "sf", "CN-Zhejiang>CN-Shanghai", "Shanghai, Shanghai, CN");

    /** A notice, a pick-up and two hubs, an unmapped code, the van, the delivery: 4 h 30 min of a same-day lane. */
    private static final List<TrackingEvent> JOURNEY = List.of(
            event("notice", 10, Status.INFO_RECEIVED, null),
            event("pickup", 60, Status.PICKED_UP, HANGZHOU),
            event("sorted", 80, Status.IN_TRANSIT, HANGZHOU),
            event("arrived", 180, Status.IN_TRANSIT, SHANGHAI),
            event("x9", 185, null, SHANGHAI),
            event("van", 240, Status.OUT_FOR_DELIVERY, SHANGHAI),
            event("delivered", 270, Status.DELIVERED, SHANGHAI));

    private static TrackingEvent event(String code, int minutes, Status status, Location place) {
        Instant at = T0.plus(Duration.ofMinutes(minutes));
        return new TrackingEvent(EventIds.of("sf", "SF1", code, at, null), "sf", "SF1", at, "+08:00", false, at.plusSeconds(1), status,
                null, null, code, "scan " + code, place, "test", null);
    }

    /** The journey's figures, worked out by hand from the timeline above. */
    private static final Tally BY_HAND = Tally.of(Map.of(
            LANE, Map.ofEntries(
                    Map.entry(Counter.EVENTS, 7L),
                    Map.entry(Counter.UNMAPPED, 1L),
                    Map.entry(StageMeasure.UPDATES.of(Stage.FIRST_MILE), 1L),
                    Map.entry(StageMeasure.UPDATES.of(Stage.LINE_HAUL), 3L),
                    Map.entry(StageMeasure.UPDATES.of(Stage.LAST_MILE), 1L),
                    Map.entry(StageMeasure.LOCATED.of(Stage.LINE_HAUL), 3L),
                    Map.entry(StageMeasure.LOCATED.of(Stage.LAST_MILE), 1L),
                    Map.entry(StageMeasure.ENTRIES.of(Stage.FIRST_MILE), 1L),
                    Map.entry(StageMeasure.ENTRIES.of(Stage.LINE_HAUL), 1L),
                    Map.entry(StageMeasure.ENTRIES.of(Stage.LAST_MILE), 1L),
                    Map.entry(StageMeasure.EXITS.of(Stage.FIRST_MILE), 1L),
                    Map.entry(StageMeasure.EXITS.of(Stage.LINE_HAUL), 1L),
                    Map.entry(StageMeasure.EXITS.of(Stage.LAST_MILE), 1L),
                    // notice → pick-up 50 min; pick-up → sorted 20, sorted → arrived 100, arrived → van 60; van → delivered 30
                    Map.entry(StageMeasure.DWELL_SECONDS.of(Stage.FIRST_MILE), 3_000L),
                    Map.entry(StageMeasure.DWELL_SECONDS.of(Stage.LINE_HAUL), 10_800L),
                    Map.entry(StageMeasure.DWELL_SECONDS.of(Stage.LAST_MILE), 1_800L),
                    // sorted → arrived: 100 min without an update, over the line haul's 30
                    Map.entry(StageMeasure.GAPS.of(Stage.LINE_HAUL), 1L)),
            // Hangzhou: pick-up to sorted, then left; Shanghai: arrived to delivered (the unmapped scan was there too), never left
            AT_HANGZHOU, Map.of(Counter.DWELL_SECONDS, 1_200L, Counter.VISITS, 1L),
            AT_SHANGHAI, Map.of(Counter.DWELL_SECONDS, 5_400L)));

    @Test
    void aJourneyCountedEventByEventAddsUpToTheFiguresWorkedOutByHand() {
        // GIVEN the journey's events arriving one by one, in order
        Tally sum = Tally.EMPTY;
        TallyTail tail = TallyTail.NONE;
        for (TrackingEvent event : JOURNEY) {
            // WHEN each is counted from the tail the previous one left
            JourneyTally.Counted counted = JourneyTally.appended(SHIPMENT, tail, List.of(event), LATER);
            sum = sum.plus(counted.tally());
            tail = counted.tail();
        }

        // THEN the sum is the hand-computed tally, and the tail is the last update on each track
        assertThat(sum).isEqualTo(BY_HAND);
        assertThat(tail.status().eventId()).isEqualTo(JOURNEY.getLast().eventId());
        assertThat(tail.located().where()).isEqualTo("Shanghai, Shanghai, CN");
    }

    @Test
    void repeatsAndAnyArrivalOrderEndInTheSameFigures() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            // GIVEN the journey shuffled, every event sent twice, in batches of one to three
            List<TrackingEvent> arrivals = new ArrayList<>(JOURNEY);
            arrivals.addAll(JOURNEY.subList(0, random.nextInt(JOURNEY.size())));
            Collections.shuffle(arrivals, random);

            // WHEN each batch is counted as the processor does: from the tail when all of it is newer, else from the timeline
            Tally sum = Tally.EMPTY;
            TallyTail tail = TallyTail.NONE;
            List<TrackingEvent> stored = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); ) {
                int size = 1 + random.nextInt(3);
                List<TrackingEvent> batch = arrivals.subList(i, Math.min(arrivals.size(), i + size));
                i += size;
                List<TrackingEvent> unseen = batch.stream().filter(event -> !stored.contains(event)).distinct().toList();
                boolean newer = stored.isEmpty() || unseen.stream().allMatch(event ->
                        ShipmentFold.CHRONOLOGICAL.compare(event, stored.stream().max(ShipmentFold.CHRONOLOGICAL).orElseThrow()) > 0);
                JourneyTally.Counted counted = newer ? JourneyTally.appended(SHIPMENT, tail, unseen, LATER)
                        : JourneyTally.inserted(SHIPMENT, stored, unseen, LATER);
                sum = sum.plus(counted.tally());
                tail = counted.tail();
                stored.addAll(unseen);
            }

            // THEN the figures are those of the sorted journey, each event once
            assertThat(sum).as("arrival order %s", arrivals.stream().map(TrackingEvent::rawCode).toList()).isEqualTo(BY_HAND);
        }
    }

    @Test
    void countingFromTheTailRefusesAnEventOlderThanIt() {
        TallyTail tail = JourneyTally.appended(SHIPMENT, TallyTail.NONE, JOURNEY.subList(0, 4), LATER).tail();

        assertThatThrownBy(() -> JourneyTally.appended(SHIPMENT, tail, List.of(JOURNEY.get(2)), LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventShownWithinTheSystemResponseTargetCountsAsAnsweredInTime() {
        TrackingEvent pickup = JOURNEY.get(1);

        Tally quick = JourneyTally.appended(SHIPMENT, TallyTail.NONE, List.of(pickup), pickup.receivedAt().plusMillis(1_500)).tally();
        Tally slow = JourneyTally.appended(SHIPMENT, TallyTail.NONE, List.of(pickup), pickup.receivedAt().plusMillis(2_500)).tally();

        assertThat(quick.get(LANE, Counter.RESPONDED_IN_TIME)).isEqualTo(1);
        assertThat(slow.get(LANE, Counter.RESPONDED_IN_TIME)).isZero();
    }

    @Test
    void theFirstScanIsAnAcceptanceAndTheDeliveryScoresThePromiseTheTransitAndTheWindowShown() {
        // GIVEN the shipment before its pick-up, and after its delivery with a window shown while the van was out
        Shipment before = SHIPMENT;
        Shipment after = SHIPMENT.withProgress(ShipmentFold.fold(JOURNEY), SHIPMENT.outlook(), LATER);
        Instant deliveredAt = JOURNEY.getLast().occurredAt();
        EtaWindow shown = new EtaWindow(deliveredAt.minus(Duration.ofMinutes(40)), deliveredAt.minus(Duration.ofMinutes(25)),
                deliveredAt.minus(Duration.ofMinutes(10)), 0.8, EtaBasis.CARRIER_ESTIMATE, "+08:00");
        Delivery delivery = new Delivery(after.milestones().handOff(), deliveredAt, ZoneOffset.ofHours(8), shown);

        // WHEN the change is counted
        Tally outcomes = JourneyTally.outcomes(before, after, Optional.of(delivery), Duration.ofHours(96));

        // THEN: accepted an hour after registration (on time), delivered the day before the promise in under a day,
        // 10 minutes after the window shown (outside it, but within the last mile's ±15 min), 25 minutes from its likely moment
        assertThat(outcomes).isEqualTo(Tally.of(Map.of(LANE, Map.ofEntries(
                Map.entry(Counter.ACCEPTED, 1L), Map.entry(Counter.ACCEPTED_ON_TIME, 1L),
                Map.entry(Counter.DELIVERED, 1L), Map.entry(Counter.ON_TIME, 1L), Map.entry(Counter.transitDays(0), 1L),
                Map.entry(Counter.ETA_SCORED, 1L), Map.entry(Counter.ETA_ERROR_MINUTES, 25L),
                Map.entry(Counter.LAST_MILE_SCORED, 1L), Map.entry(Counter.LAST_MILE_ACCURATE, 1L)))));
    }

    @Test
    void aFirstScanLaterThanTheFirstMileLimitIsAnAcceptanceNotOnTime() {
        Shipment after = SHIPMENT.withProgress(ShipmentFold.fold(JOURNEY.subList(0, 2)), SHIPMENT.outlook(), LATER);

        Tally outcomes = JourneyTally.outcomes(SHIPMENT, after, Optional.empty(), Duration.ofMinutes(30));

        assertThat(outcomes.get(LANE, Counter.ACCEPTED)).isEqualTo(1);
        assertThat(outcomes.get(LANE, Counter.ACCEPTED_ON_TIME)).isZero();
    }
}
