package dev.tracklight.core.admission;

import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The door every normalized event passes before it is queued, whatever adapter or channel made it: what
 * is answered 2xx must be processable. Identifiers that cannot be keys and times outside a plausible
 * window are refused, naming the checkpoint and the field; texts are cut, impossible coordinates and
 * estimates dropped, so nothing accepted can later break a shipment or its view.
 */
public final class EventAdmission {

    private EventAdmission() {
    }

    /** The events as they will be stored, or a 400 problem for the first one that cannot be. */
    public static List<TrackingEvent> admit(List<TrackingEvent> events, Instant receivedAt) throws ProblemException {
        List<TrackingEvent> admitted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            admitted.add(admit(events.get(i), "checkpoint " + (i + 1) + " of " + events.size(), receivedAt));
        }
        return admitted;
    }

    private static TrackingEvent admit(TrackingEvent event, String which, Instant receivedAt) throws ProblemException {
        if (event.carrier() == null || !Bounds.CARRIER.matcher(event.carrier()).matches()) {
            throw bad(which + ": carrier '" + Bounds.cut(String.valueOf(event.carrier()), 80)
                    + "' must be 1 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        ShipmentAdmission.requireTrackingNumber(event.trackingNumber(), which + ": trackingNumber");
        Instant latest = receivedAt.plus(Bounds.EVENT_MAX_AHEAD);
        if (event.occurredAt() == null || event.occurredAt().isBefore(Bounds.EARLIEST) || event.occurredAt().isAfter(latest)) {
            throw bad(which + ": occurredAt " + event.occurredAt() + " is outside the accepted window " + Bounds.EARLIEST + " to " + latest
                    + " (at most " + Bounds.EVENT_MAX_AHEAD.toDays() + " days ahead of its receipt)");
        }
        Instant eta = event.carrierEta();
        boolean plausibleEta = eta != null && !eta.isBefore(Bounds.EARLIEST) && !eta.isAfter(receivedAt.plus(Bounds.ESTIMATE_MAX_AHEAD));
        return new TrackingEvent(event.eventId(), event.carrier(), event.trackingNumber(), event.occurredAt(), event.localOffset(),
                event.offsetInferred(), event.receivedAt(), event.status(), Bounds.cut(event.subStatus(), Bounds.SHORT_TEXT),
                Bounds.cut(event.reason(), Bounds.SHORT_TEXT), Bounds.cut(event.rawCode(), Bounds.SHORT_TEXT),
                Bounds.cut(event.rawMessage(), Bounds.MESSAGE), bounded(event.location()), event.source(), plausibleEta ? eta : null);
    }

    /**
     * An event as the timeline may use it. One stored by an older version with a time outside any calendar
     * (the year 999,999,999 once made a shipment unreadable) stays on the timeline as information at its
     * receipt, so the next fold repairs the shipment instead of computing clocks from it again.
     */
    public static TrackingEvent readable(TrackingEvent event) {
        if (!event.occurredAt().isBefore(Bounds.EARLIEST) && event.occurredAt().isBefore(Bounds.LATEST)) {
            return event;
        }
        return new TrackingEvent(event.eventId(), event.carrier(), event.trackingNumber(), event.receivedAt(), "+00:00", true,
                event.receivedAt(), null, event.subStatus(), event.reason(), event.rawCode(), event.rawMessage(), event.location(),
                event.source(), null);
    }

    /** A place with each text cut, and its coordinates only when both are real ones. */
    public static Location bounded(Location place) {
        if (place == null) {
            return null;
        }
        boolean located = Bounds.coordinate(place.lat(), 90) && Bounds.coordinate(place.lon(), 180);
        return Location.ifAny(Bounds.cut(place.city(), Bounds.SHORT_TEXT), Bounds.cut(place.region(), Bounds.SHORT_TEXT),
                Bounds.cut(place.country(), Bounds.SHORT_TEXT), Bounds.cut(place.postalCode(), Bounds.SHORT_TEXT),
                located ? place.lat() : null, located ? place.lon() : null);
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
