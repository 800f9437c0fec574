package dev.tracklight.aws.bus;

import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.core.delay.DelayAssessment;
import dev.tracklight.core.delay.DelayStatus;
import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.view.TrackingView;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Announces shipment changes on the EventBridge bus; rules in template.yaml route them. */
public final class ShipmentEvents {

    public static final String SOURCE = "tracklight.shipments";
    public static final String SHIPMENT_UPDATED = "ShipmentUpdated";
    public static final String SHIPMENT_DELAYED = "ShipmentDelayed";
    public static final String SHIPMENT_BACK_ON_TRACK = "ShipmentBackOnTrack";

    private final EventBridgeClient eventBridge;
    private final String busName;

    public ShipmentEvents(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    public void updated(Shipment shipment, TrackingView view) {
        publish(SHIPMENT_UPDATED, Json.write(new ShipmentUpdated(shipment.shipmentId(), shipment.tenantId(), view, Telemetry.correlationId())));
    }

    /**
     * Announces a change of the shipment's delay verdict since {@code announced}: {@code ShipmentDelayed}
     * when it became delayed or its delay changed kind, {@code ShipmentBackOnTrack} when a delayed one no
     * longer is (on time again, or moving again without a promise to judge). Nothing for other changes (a
     * first ON_TIME, a shipment returned or cancelled while late).
     */
    public void delayChanged(Shipment shipment, DelayStatus announced) {
        DelayAssessment delay = shipment.delay();
        boolean delayed = delay != null && delay.signalsDelay();
        boolean wasDelayed = announced != null && announced.signalsDelay();
        boolean endedUndelivered = shipment.status().isTerminal() && shipment.status() != Status.DELIVERED;
        String detailType;
        if (delayed && delay.status() != announced) {
            detailType = SHIPMENT_DELAYED;
        } else if (!delayed && wasDelayed && !endedUndelivered) {
            detailType = SHIPMENT_BACK_ON_TRACK;
        } else {
            return;
        }
        publish(detailType, Json.write(new DelayChange(shipment.shipmentId(), shipment.tenantId(), shipment.version(), shipment.orderId(),
                shipment.carrier(), shipment.trackingNumber(), announced, delay, shipment.eta(), Telemetry.correlationId())));
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

    /**
     * The detail of a {@code ShipmentUpdated} event.
     *
     * @param correlationId the journey that caused the change (absent when it was none: a re-announcement)
     */
    public record ShipmentUpdated(String shipmentId, String tenantId, TrackingView view, String correlationId) {
    }

    /**
     * The detail of {@code ShipmentDelayed} and {@code ShipmentBackOnTrack}: the verdict, its detection moment in
     * it, and the shipment version that reached it.
     */
    public record DelayChange(String shipmentId, String tenantId, long version, String orderId, String carrier, String trackingNumber,
                              DelayStatus previous, DelayAssessment delay, EtaWindow eta, String correlationId) {
    }
}
