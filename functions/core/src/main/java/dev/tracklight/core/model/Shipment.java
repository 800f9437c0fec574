package dev.tracklight.core.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A merchant's shipment as stored. {@code version} increases with every visible change and guards
 * concurrent writers; {@code publishedVersion} is the last version announced on the bus.
 */
public record Shipment(
        String tenantId,
        String shipmentId,
        String orderId,
        String carrier,
        String trackingNumber,
        String serviceLevel,
        Location origin,
        Location destination,
        LocalDate promisedDelivery,
        String trackingToken,
        Status status,
        String subStatus,
        TrackingEvent lastEvent,
        int eventCount,
        long version,
        long publishedVersion,
        Instant createdAt,
        Instant updatedAt) {

    public Shipment withProgress(Progress progress, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin,
                destination, promisedDelivery, trackingToken, progress.status(), progress.subStatus(),
                progress.lastEvent(), progress.eventCount(), version + 1, publishedVersion, createdAt, now);
    }

    public Shipment withPublishedVersion(long published) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin,
                destination, promisedDelivery, trackingToken, status, subStatus, lastEvent, eventCount, version, published,
                createdAt, updatedAt);
    }

    public Progress progress() {
        return new Progress(status, subStatus, lastEvent, eventCount);
    }

    /** The part of a shipment that its events decide; any change to it is visible on the tracking page. */
    public record Progress(Status status, String subStatus, TrackingEvent lastEvent, int eventCount) {
    }
}
