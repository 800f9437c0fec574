package dev.tracklight.aws.bus;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.view.TrackingView;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.time.Instant;

/** Announces shipment changes on the EventBridge bus; rules in template.yaml route them. */
public final class ShipmentEvents {

    public static final String SOURCE = "tracklight.shipments";
    public static final String SHIPMENT_UPDATED = "ShipmentUpdated";
    public static final String SHIPMENT_STALLED = "ShipmentStalled";

    private final EventBridgeClient eventBridge;
    private final String busName;

    public ShipmentEvents(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    public void updated(String shipmentId, TrackingView view) {
        publish(SHIPMENT_UPDATED, Json.write(new ShipmentUpdated(shipmentId, view)));
    }

    public void stalled(String shipmentId, Instant lastScanAt, Instant dueAt) {
        publish(SHIPMENT_STALLED, Json.write(new ShipmentStalled(shipmentId, lastScanAt, dueAt)));
    }

    private void publish(String detailType, String detail) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(busName).source(SOURCE).detailType(detailType).detail(detail).build();
        var response = eventBridge.putEvents(request -> request.entries(entry));
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            throw new IllegalStateException("EventBridge refused " + detailType + ": "
                    + response.entries().get(0).errorMessage());
        }
    }

    /** The detail of a {@code ShipmentUpdated} event. */
    public record ShipmentUpdated(String shipmentId, TrackingView view) {
    }

    /** The detail of a {@code ShipmentStalled} event: no scan since {@code lastScanAt}, due at {@code dueAt}. */
    public record ShipmentStalled(String shipmentId, Instant lastScanAt, Instant dueAt) {
    }
}
