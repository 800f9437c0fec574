package dev.tracklight.core.view;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.admission.EventAdmission;
import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds the public view from a shipment and its events; the delay verdict is the one stored with the shipment. */
public final class TrackingViews {

    /** Newest checkpoints kept in a view a page opens with; {@code timelineTotal} says how many there are in all. */
    public static final int MAX_TIMELINE_ENTRIES = 100;
    /**
     * Bytes the timeline's texts may take as JSON, so the whole view (its other fields are bounded at the door)
     * stays under API Gateway's 128 KB WebSocket message and, in a bus detail, under PutEvents' 256 KB,
     * whatever the carriers sent. Real checkpoints take a few hundred bytes: 100 fit many times over.
     */
    static final int TIMELINE_BUDGET_BYTES = 96 * 1024;
    private static final int ENTRY_OVERHEAD_BYTES = 200;
    /** An estimate that moved less than this is not worth a "was expected" line. */
    private static final Duration MEANINGFUL_MOVE = Duration.ofHours(1);

    private TrackingViews() {
    }

    /**
     * @param events all the shipment's events, its newest, or (announcing a change) those the change added;
     *               {@code timelineTotal} counts all it has either way
     */
    public static TrackingView of(Shipment shipment, Collection<TrackingEvent> events) {
        List<TimelineEntry> timeline = newest(events);
        return new TrackingView(shipment.trackingToken(), shipment.carrier(), shipment.trackingNumber(),
                shipment.status(), Bounds.cut(shipment.subStatus(), Bounds.SHORT_TEXT),
                shipment.contact() == null ? null : MaskedName.of(shipment.contact().name()),
                townLevel(shipment.origin()), townLevel(shipment.destination()), shipment.promisedDelivery(),
                shipment.eta(), moved(shipment.firstEta(), shipment.eta()),
                shipment.delay(),
                timeline, Math.max(events.size(), shipment.eventCount()), shipment.version(), shipment.updatedAt(), null, null);
    }

    /** The newest entries, as many as fit the budget and the count; texts from before the admission bounds are cut here too. */
    private static List<TimelineEntry> newest(Collection<TrackingEvent> events) {
        List<TimelineEntry> kept = new ArrayList<>(Math.min(events.size(), MAX_TIMELINE_ENTRIES));
        int budget = TIMELINE_BUDGET_BYTES;
        for (TrackingEvent event : events.stream().sorted(ShipmentFold.CHRONOLOGICAL.reversed()).limit(MAX_TIMELINE_ENTRIES).toList()) {
            TimelineEntry entry = entry(event);
            budget -= worstCaseBytes(entry);
            if (budget < 0) {
                break;
            }
            kept.add(entry);
        }
        return kept;
    }

    private static int worstCaseBytes(TimelineEntry entry) {
        Location place = entry.location();
        return ENTRY_OVERHEAD_BYTES + jsonBytes(entry.message()) + jsonBytes(entry.subStatus())
                + (place == null ? 0 : jsonBytes(place.city()) + jsonBytes(place.region()) + jsonBytes(place.country()));
    }

    /** The most a text takes in UTF-8 JSON: control characters as {@code \\uXXXX}, quotes and backslashes escaped. */
    private static int jsonBytes(String text) {
        if (text == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static EtaWindow moved(EtaWindow first, EtaWindow current) {
        if (first == null || current == null) {
            return null;
        }
        if (first.basis() == EtaBasis.MERCHANT_PROMISE && current.basis() == EtaBasis.MERCHANT_PROMISE) {
            return null; // the promise did not move; at most our guess of the destination's offset did
        }
        Duration shift = Duration.between(first.likely(), current.likely()).abs();
        return shift.compareTo(MEANINGFUL_MOVE) >= 0 ? first : null;
    }

    private static TimelineEntry entry(TrackingEvent event) {
        Location place = EventAdmission.bounded(event.location());
        return new TimelineEntry(event.occurredAt(), event.localOffset(), event.status(), Bounds.cut(event.subStatus(), Bounds.SHORT_TEXT),
                Bounds.cut(event.rawMessage(), Bounds.MESSAGE), place == null ? null : place.withoutPostalCode());
    }

    private static Location townLevel(Location location) {
        Location place = EventAdmission.bounded(location);
        return place == null ? null : place.townLevel();
    }
}
