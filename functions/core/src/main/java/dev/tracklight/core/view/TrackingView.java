package dev.tracklight.core.view;

import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public view of a shipment: what the tracking page shows and what the WebSocket pushes. It carries
 * no consumer contact data and no merchant identifiers; {@code version} lets a client drop stale pushes.
 */
public record TrackingView(
        String token,
        String carrier,
        String trackingNumber,
        Status status,
        String subStatus,
        Location destination,
        LocalDate promisedDelivery,
        List<TimelineEntry> timeline,
        int timelineTotal,
        long version,
        Instant updatedAt) {
}
