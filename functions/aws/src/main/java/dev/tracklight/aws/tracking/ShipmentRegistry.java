package dev.tracklight.aws.tracking;

import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingNumbers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Registers shipments and attaches the carrier events that arrived before them. */
public final class ShipmentRegistry {

    private final ShipmentStore store;
    private final ShipmentTracker tracker;
    private final Clock clock;

    public ShipmentRegistry(ShipmentStore store, ShipmentTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    public Shipment register(String tenantId, Registration registration) {
        Instant now = clock.instant();
        Shipment shipment = Shipment.registered(tenantId, RandomIds.shipmentId(), registration.orderId(),
                TrackingNumbers.normalizeCarrier(registration.carrier()),
                TrackingNumbers.normalize(registration.trackingNumber()), registration.serviceLevel(),
                registration.origin(), registration.destination(), registration.promisedDelivery(),
                registration.recipient(), RandomIds.trackingToken(), now);
        store.create(shipment);
        store.attachUnmatched(shipment);
        return tracker.refresh(shipment.shipmentId());
    }

    /** What a merchant tells us about a new shipment. */
    public record Registration(String orderId, String carrier, String trackingNumber, String serviceLevel,
                               Location origin, Location destination, LocalDate promisedDelivery, Contact recipient) {
    }
}
