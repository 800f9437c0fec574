package dev.tracklight.core.view;

import dev.tracklight.core.eta.EtaBasis;
import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Builds the public view from a shipment and its events; the delay verdict is the one stored with the shipment. */
public final class TrackingViews {

    /**
     * Newest checkpoints kept in one view. A checkpoint serializes to well under 1 KB, so the view stays
     * far below API Gateway's 128 KB WebSocket message limit whatever the carrier sends.
     */
    public static final int MAX_TIMELINE_ENTRIES = 100;
    /** An estimate that moved less than this is not worth a "was expected" line. */
    private static final Duration MEANINGFUL_MOVE = Duration.ofHours(1);

    private TrackingViews() {
    }

    public static TrackingView of(Shipment shipment, Collection<TrackingEvent> events) {
        List<TimelineEntry> timeline = events.stream()
                .sorted(ShipmentFold.CHRONOLOGICAL.reversed())
                .limit(MAX_TIMELINE_ENTRIES)
                .map(TrackingViews::entry)
                .toList();
        return new TrackingView(shipment.trackingToken(), shipment.carrier(), shipment.trackingNumber(),
                shipment.status(), shipment.subStatus(),
                shipment.contact() == null ? null : MaskedName.of(shipment.contact().name()),
                cityLevel(shipment.origin()), cityLevel(shipment.destination()), shipment.promisedDelivery(),
                shipment.eta(), moved(shipment.firstEta(), shipment.eta()),
                shipment.delay(),
                timeline, events.size(), shipment.version(), shipment.updatedAt());
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
        return new TimelineEntry(event.occurredAt(), event.localOffset(), event.status(), event.subStatus(),
                event.rawMessage(), event.location() == null ? null : event.location().withoutPostalCode());
    }

    private static Location cityLevel(Location location) {
        return location == null ? null : Location.cityLevel(location.city(), location.region(), location.country());
    }
}
