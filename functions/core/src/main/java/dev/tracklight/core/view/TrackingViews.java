package dev.tracklight.core.view;

import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;

import java.util.Collection;
import java.util.List;

/** Builds the public view from a shipment and its events. */
public final class TrackingViews {

    /**
     * Newest checkpoints kept in one view. A checkpoint serializes to well under 1 KB, so the view stays
     * far below API Gateway's 128 KB WebSocket message limit whatever the carrier sends.
     */
    public static final int MAX_TIMELINE_ENTRIES = 100;

    private TrackingViews() {
    }

    public static TrackingView of(Shipment shipment, Collection<TrackingEvent> events) {
        List<TimelineEntry> timeline = events.stream()
                .sorted(ShipmentFold.CHRONOLOGICAL.reversed())
                .limit(MAX_TIMELINE_ENTRIES)
                .map(TrackingViews::entry)
                .toList();
        return new TrackingView(shipment.trackingToken(), shipment.carrier(), shipment.trackingNumber(),
                shipment.status(), shipment.subStatus(), cityLevel(shipment.destination()),
                shipment.promisedDelivery(), timeline, events.size(), shipment.version(), shipment.updatedAt());
    }

    private static TimelineEntry entry(TrackingEvent event) {
        return new TimelineEntry(event.occurredAt(), event.localOffset(), event.status(), event.subStatus(),
                event.rawMessage(), event.location() == null ? null : event.location().withoutPostalCode());
    }

    private static Location cityLevel(Location location) {
        return location == null ? null : Location.cityLevel(location.city(), location.region(), location.country());
    }
}
