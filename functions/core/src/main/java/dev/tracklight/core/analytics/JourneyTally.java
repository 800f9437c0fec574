package dev.tracklight.core.analytics;

import dev.tracklight.core.analytics.Counter.StageMeasure;
import dev.tracklight.core.analytics.TallyTail.Mark;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.model.Delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a shipment's events and outcomes add to the console's figures. An event counts on its own (taken,
 * responded to in time, located) and with the update before it on its track: the status updates make stage
 * entries, exits, dwell and gaps; the located scans make a facility's visits and dwell. Counting events in
 * time order from the last ones counted ({@link #appended}) and counting the whole timeline with and without
 * late ones ({@link #inserted}) add up to the same figures, so arrival order and repeats change nothing.
 */
public final class JourneyTally {

    /** The stage mark of a terminal status update: the journey's end. */
    private static final String END = "END";

    private JourneyTally() {
    }

    /** What a change adds, and the tail to count the next change from. */
    public record Counted(Tally tally, TallyTail tail) {
    }

    /**
     * Events all newer than the tail's: counted from the tail alone.
     *
     * @throws IllegalArgumentException when one is not newer than both of the tail's marks
     */
    public static Counted appended(Shipment shipment, TallyTail tail, Collection<TrackingEvent> newer, Instant now) {
        List<TrackingEvent> ordered = distinctInOrder(newer.stream());
        if (!ordered.isEmpty() && !(after(ordered.getFirst(), tail.status()) && after(ordered.getFirst(), tail.located()))) {
            throw new IllegalArgumentException("appended counts events newer than the tail; count late ones with inserted");
        }
        Tally.Builder tally = new Tally.Builder();
        TallyTail next = count(shipment, tail, ordered, now, tally);
        return new Counted(tally.build(), next);
    }

    /** Events anywhere in time: the timeline's tally with them minus its tally without them. */
    public static Counted inserted(Shipment shipment, Collection<TrackingEvent> stored, Collection<TrackingEvent> added, Instant now) {
        List<TrackingEvent> before = distinctInOrder(stored.stream());
        List<TrackingEvent> with = distinctInOrder(Stream.concat(stored.stream(), added.stream()));
        Tally.Builder without = new Tally.Builder();
        count(shipment, TallyTail.NONE, before, now, without);
        Tally.Builder all = new Tally.Builder();
        TallyTail tail = count(shipment, TallyTail.NONE, with, now, all);
        return new Counted(all.build().minus(without.build()), tail);
    }

    /**
     * What a decision adds beyond its events: the carrier accepting the parcel (its first scan) and how soon
     * after registration, and a delivery with the promise, estimate and transit days it scores.
     *
     * @param firstMileLimit how long after registration a first scan still counts as accepted on time
     */
    public static Tally outcomes(Shipment before, Shipment after, Optional<Delivery> delivery, Duration firstMileLimit) {
        Tally.Builder tally = new Tally.Builder();
        Instant handOffBefore = before.milestones() == null ? null : before.milestones().handOff();
        Instant handOff = after.milestones() == null ? null : after.milestones().handOff();
        if (handOffBefore == null && handOff != null) {
            TallyKey lane = laneKey(after, handOff);
            tally.add(lane, Counter.ACCEPTED, 1);
            if (!handOff.isAfter(after.createdAt().plus(firstMileLimit))) {
                tally.add(lane, Counter.ACCEPTED_ON_TIME, 1);
            }
        }
        delivery.ifPresent(delivered -> countDelivery(after, delivered, tally));
        return tally.build();
    }

    private static void countDelivery(Shipment shipment, Delivery delivery, Tally.Builder tally) {
        Instant at = delivery.deliveredAt();
        TallyKey lane = laneKey(shipment, at);
        tally.add(lane, Counter.DELIVERED, 1);
        if (shipment.promisedDelivery() == null) {
            tally.add(lane, Counter.NO_PROMISE, 1);
        } else {
            ZoneOffset offset = delivery.localOffset() == null ? ZoneOffset.UTC : delivery.localOffset();
            boolean kept = !at.atOffset(offset).toLocalDate().isAfter(shipment.promisedDelivery());
            tally.add(lane, kept ? Counter.ON_TIME : Counter.LATE, 1);
        }
        if (delivery.handOff() != null) {
            tally.add(lane, Counter.transitDays(Duration.between(delivery.handOff(), at).toDays()), 1);
        }
        EtaWindow shown = delivery.lastEstimate();
        if (shown != null) {
            tally.add(lane, Counter.ETA_SCORED, 1);
            tally.add(lane, Counter.ETA_INSIDE, shown.contains(at) ? 1 : 0);
            tally.add(lane, Counter.ETA_ERROR_MINUTES, Math.abs(Duration.between(shown.likely(), at).toMinutes()));
            if (shipment.milestones() != null && shipment.milestones().outForDelivery() != null) {
                tally.add(lane, Counter.LAST_MILE_SCORED, 1);
                boolean accurate = !at.isBefore(shown.early().minus(ServiceTargets.LAST_MILE_ACCURACY))
                        && !at.isAfter(shown.late().plus(ServiceTargets.LAST_MILE_ACCURACY));
                tally.add(lane, Counter.LAST_MILE_ACCURATE, accurate ? 1 : 0);
            }
        }
    }

    private static TallyTail count(Shipment shipment, TallyTail from, List<TrackingEvent> ordered, Instant now, Tally.Builder tally) {
        Mark status = from.status();
        Mark located = from.located();
        for (TrackingEvent event : ordered) {
            TallyKey lane = laneKey(shipment, event.occurredAt());
            tally.add(lane, Counter.EVENTS, 1);
            if (event.receivedAt() != null && !now.isAfter(event.receivedAt().plus(ServiceTargets.SYSTEM_RESPONSE))) {
                tally.add(lane, Counter.RESPONDED_IN_TIME, 1);
            }
            if (event.status() == null && event.rawCode() != null) {
                tally.add(lane, Counter.UNMAPPED, 1);
            }
            if (event.status() != null) {
                String where = END;
                if (!event.status().isTerminal()) {
                    Stage stage = Stage.of(event.status());
                    tally.add(lane, StageMeasure.UPDATES.of(stage), 1);
                    tally.add(lane, StageMeasure.LOCATED.of(stage), facilityOf(event.location()) == null ? 0 : 1);
                    where = stage.name();
                }
                Mark mark = new Mark(event.eventId(), event.occurredAt(), where);
                if (status == null && !END.equals(where)) {
                    tally.add(lane, StageMeasure.ENTRIES.of(Stage.valueOf(where)), 1);
                } else if (status != null) {
                    countStagePair(shipment, status, mark, tally);
                }
                status = mark;
            }
            String facility = facilityOf(event.location());
            if (facility != null) {
                Mark mark = new Mark(event.eventId(), event.occurredAt(), facility);
                if (located != null) {
                    countFacilityPair(shipment, located, mark, tally);
                }
                located = mark;
            }
        }
        return new TallyTail(status, located);
    }

    /**
     * The time between two status updates is the earlier one's stage's; a pause beyond its update target is a
     * gap. A terminal status (delivered, returned) ends the stage it follows and enters none.
     */
    private static void countStagePair(Shipment shipment, Mark earlier, Mark later, Tally.Builder tally) {
        if (END.equals(earlier.where())) {
            return;
        }
        TallyKey lane = laneKey(shipment, earlier.at());
        Stage stage = Stage.valueOf(earlier.where());
        Duration between = Duration.between(earlier.at(), later.at());
        tally.add(lane, StageMeasure.DWELL_SECONDS.of(stage), between.toSeconds());
        if (!earlier.where().equals(later.where())) {
            tally.add(lane, StageMeasure.EXITS.of(stage), 1);
            if (!END.equals(later.where())) {
                tally.add(lane, StageMeasure.ENTRIES.of(Stage.valueOf(later.where())), 1);
            }
        } else if (ServiceTargets.updateEvery(stage).filter(target -> between.compareTo(target) > 0).isPresent()) {
            tally.add(lane, StageMeasure.GAPS.of(stage), 1);
        }
    }

    /** Two scans at one facility: the parcel dwelt there between them; at two: its visit of the first ended. */
    private static void countFacilityPair(Shipment shipment, Mark earlier, Mark later, Tally.Builder tally) {
        TallyKey facility = new TallyKey(day(earlier.at()), shipment.carrier(), laneOf(shipment), earlier.where());
        if (earlier.where().equals(later.where())) {
            tally.add(facility, Counter.DWELL_SECONDS, Duration.between(earlier.at(), later.at()).toSeconds());
        } else {
            tally.add(facility, Counter.VISITS, 1);
        }
    }

    private static boolean after(TrackingEvent event, Mark mark) {
        return mark == null || event.occurredAt().isAfter(mark.at())
                || event.occurredAt().equals(mark.at()) && event.eventId().compareTo(mark.eventId()) > 0;
    }

    private static List<TrackingEvent> distinctInOrder(Stream<TrackingEvent> events) {
        Map<String, TrackingEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.eventId(), event));
        return byId.values().stream().sorted(ShipmentFold.CHRONOLOGICAL).toList();
    }

    static TallyKey laneKey(Shipment shipment, Instant at) {
        return new TallyKey(day(at), shipment.carrier(), laneOf(shipment), null);
    }

    /** Origin region to destination region, {@code ?} where the merchant did not say. */
    public static String laneOf(Shipment shipment) {
        return regionOf(shipment.origin()) + ">" + regionOf(shipment.destination());
    }

    private static String regionOf(Location place) {
        if (place == null) {
            return "?";
        }
        String area = place.region() != null ? place.region() : place.city();
        return (place.country() == null ? "?" : place.country()) + "-" + (area == null ? "?" : area);
    }

    /** A scan's facility as the carrier named it: city, region and country, or null when it named none of them. */
    static String facilityOf(Location place) {
        if (place == null || place.city() == null && place.region() == null) {
            return null;
        }
        return Stream.of(place.city(), place.region(), place.country()).filter(part -> part != null && !part.isBlank())
                .reduce((a, b) -> a + ", " + b).orElse(null);
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
