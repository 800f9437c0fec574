package dev.tracklight.core.model;

import java.time.Instant;

/**
 * What a shipment's estimate and its next fold need from its events beyond the status, kept with the
 * shipment so that neither reads the timeline again: each is a minimum or a maximum over the events (so
 * the order they are added in does not matter) except {@code furthest}, which the fold carries in time order.
 *
 * @param furthest         the furthest stage reached on the main track (side tracks do not count)
 * @param firstPickUp      the earliest pick-up scan
 * @param firstScan        the earliest status-changing scan other than an electronic notice
 * @param outForDelivery   the latest out-for-delivery scan
 * @param carrierEtaEvent  the newest event that carried the carrier's own estimate, and the estimate it gave
 */
public record Milestones(Status furthest, Instant firstPickUp, Instant firstScan, Instant outForDelivery, TimelineMark carrierEtaEvent) {

    public static final Milestones NONE = new Milestones(Status.PENDING, null, null, null, null);

    /** An event's place in time order and the carrier estimate it carried. */
    public record TimelineMark(Instant occurredAt, String eventId, Instant carrierEta) {
    }

    /** These milestones with one more event, wherever it falls in time. */
    public Milestones with(TrackingEvent event, Status furthestNow) {
        Instant at = event.occurredAt();
        Status status = event.status();
        TimelineMark mark = carrierEtaEvent;
        if (event.carrierEta() != null && (mark == null || at.isAfter(mark.occurredAt())
                || at.equals(mark.occurredAt()) && event.eventId().compareTo(mark.eventId()) > 0)) {
            mark = new TimelineMark(at, event.eventId(), event.carrierEta());
        }
        return new Milestones(furthestNow,
                status == Status.PICKED_UP ? earlier(firstPickUp, at) : firstPickUp,
                status != null && status != Status.INFO_RECEIVED ? earlier(firstScan, at) : firstScan,
                status == Status.OUT_FOR_DELIVERY ? later(outForDelivery, at) : outForDelivery,
                mark);
    }

    /** When the carrier took the parcel: the first pick-up scan, else the first scan of any kind. */
    public Instant handOff() {
        return firstPickUp != null ? firstPickUp : firstScan;
    }

    /** The carrier's newest estimate, or null when it never gave one. */
    public Instant carrierEta() {
        return carrierEtaEvent == null ? null : carrierEtaEvent.carrierEta();
    }

    private static Instant earlier(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }

    private static Instant later(Instant known, Instant at) {
        return known == null || at.isAfter(known) ? at : known;
    }
}
