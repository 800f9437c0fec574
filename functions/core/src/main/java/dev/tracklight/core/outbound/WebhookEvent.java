package dev.tracklight.core.outbound;

import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.view.ShipmentResource;

import java.time.Instant;

/**
 * The body of a delivery (openapi.json's {@code webhooks}): the event's id and type, when it happened, and
 * the shipment as the merchant API shows it. {@code previousDelayStatus} is set on delay events.
 */
public record WebhookEvent(String id, String type, Instant createdAt, Data data) {

    public record Data(ShipmentResource shipment, DelayStatus previousDelayStatus) {
    }

    public WebhookEventType eventType() {
        return WebhookEventType.ofWireName(type).orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }
}
