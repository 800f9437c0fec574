package dev.tracklight.core.outbound;

import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.view.ShipmentResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The merchant events a shipment change makes. Their ids are derived from what happened, not drawn at
 * random, so an announcement the bus delivers twice makes the same events, and each subscription gets
 * each id once.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    /** A new version of the shipment: {@code shipment.updated}, and {@code shipment.delivered} once it is delivered. */
    public static List<WebhookEvent> ofUpdate(Shipment shipment, long version, String publicBaseUrl, Instant now) {
        ShipmentResource resource = ShipmentResource.of(shipment, publicBaseUrl);
        List<WebhookEvent> events = new ArrayList<>();
        events.add(event(WebhookEventType.SHIPMENT_UPDATED, shipment.shipmentId(), "v" + version, now, resource, null));
        if (shipment.status() == Status.DELIVERED) {
            events.add(event(WebhookEventType.SHIPMENT_DELIVERED, shipment.shipmentId(), "delivered", now, resource, null));
        }
        return events;
    }

    /** The delay verdict of this version changed: {@code shipment.delayed} or {@code shipment.back_on_track}. */
    public static WebhookEvent ofDelayChange(WebhookEventType type, Shipment shipment, long version, DelayStatus previous,
                                             String publicBaseUrl, Instant now) {
        return event(type, shipment.shipmentId(), "v" + version, now, ShipmentResource.of(shipment, publicBaseUrl), previous);
    }

    private static WebhookEvent event(WebhookEventType type, String shipmentId, String occurrence, Instant now, ShipmentResource shipment,
                                      DelayStatus previous) {
        String id = "evt_" + Sha256.hexPrefix(type.wireName() + "|" + shipmentId + "|" + occurrence, 12);
        return new WebhookEvent(id, type.wireName(), now, new WebhookEvent.Data(shipment, previous));
    }
}
