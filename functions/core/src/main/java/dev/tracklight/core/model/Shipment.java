package dev.tracklight.core.model;

import dev.tracklight.core.eta.EtaWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A merchant's shipment as stored. {@code version} increases with every visible change and guards
 * concurrent writers; {@code publishedVersion} is the last version announced on the bus. {@code firstEta}
 * is the first estimate ever shown, kept so the page can say when the estimate moved.
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
        Contact contact,
        String trackingToken,
        Status status,
        String subStatus,
        TrackingEvent lastEvent,
        int eventCount,
        EtaWindow eta,
        EtaWindow firstEta,
        long version,
        long publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        CarrierChoice carrierChoice) {

    /** A shipment as registered: no events yet, version 1, nothing announced. */
    public static Shipment registered(String tenantId, String shipmentId, String orderId, String carrier, String trackingNumber,
                                      String serviceLevel, Location origin, Location destination, LocalDate promisedDelivery,
                                      Contact contact, String trackingToken, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, Status.PENDING, null, null, 0, null, null, 1, 0, now, now, CarrierChoice.PINNED);
    }

    /** True when what the shipment's viewers see would not change. */
    public boolean showsTheSameAs(Progress progress, EtaWindow estimate) {
        return progress.equals(progress()) && Objects.equals(estimate, eta);
    }

    public Shipment withProgress(Progress progress, EtaWindow estimate, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, progress.status(), progress.subStatus(), progress.lastEvent(),
                progress.eventCount(), estimate, firstEta == null ? estimate : firstEta, version + 1, publishedVersion,
                createdAt, now, carrierChoice);
    }

    public Shipment withPublishedVersion(long published) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, eta, firstEta, version,
                published, createdAt, updatedAt, carrierChoice);
    }

    public Shipment withCarrierChoice(CarrierChoice choice) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, eta, firstEta, version,
                publishedVersion, createdAt, updatedAt, choice);
    }

    public Progress progress() {
        return new Progress(status, subStatus, lastEvent, eventCount);
    }

    /** The part of a shipment that its events decide; any change to it is visible on the tracking page. */
    public record Progress(Status status, String subStatus, TrackingEvent lastEvent, int eventCount) {
    }
}
