package dev.tracklight.outbound;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookDeliveryStore.DeliveryKey;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.outbound.WebhookDelivery;
import dev.tracklight.core.outbound.WebhookEvent;
import dev.tracklight.core.outbound.WebhookEventType;
import dev.tracklight.core.outbound.WebhookEvents;
import dev.tracklight.core.outbound.WebhookSubscription;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a shipment announcement on the bus into deliveries for the tenant's subscriptions, then makes the
 * first attempt at once. Each delivery is stored before it is attempted, so one that a crash leaves
 * unsent is found by {@link WebhookRetries}; a repeated announcement finds its deliveries made already.
 */
public final class WebhookDispatcher {

    private final WebhookSubscriptionStore subscriptions;
    private final ShipmentStore shipments;
    private final WebhookDeliveryStore deliveries;
    private final WebhookSender sender;
    private final String publicBaseUrl;
    private final Clock clock;

    public WebhookDispatcher(WebhookSubscriptionStore subscriptions, ShipmentStore shipments, WebhookDeliveryStore deliveries,
                             WebhookSender sender, String publicBaseUrl, Clock clock) {
        this.subscriptions = subscriptions;
        this.shipments = shipments;
        this.deliveries = deliveries;
        this.sender = sender;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** Returns how many deliveries this announcement created. */
    public int dispatch(String detailType, Map<String, Object> detail) {
        String tenantId = (String) detail.get("tenantId");
        List<WebhookSubscription> active = subscriptions.list(tenantId).stream().filter(WebhookSubscription::isActive).toList();
        if (active.isEmpty()) {
            return 0; // most tenants: no shipment read at all
        }
        Optional<Shipment> shipment = shipments.get((String) detail.get("shipmentId"));
        if (shipment.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<DeliveryKey> created = new ArrayList<>();
        for (WebhookEvent event : events(detailType, detail, shipment.get(), now)) {
            String payload = Json.write(event);
            for (WebhookSubscription subscription : active) {
                if (subscription.subscribesTo(event.eventType())
                        && deliveries.create(WebhookDelivery.pending(subscription, event.id(), event.eventType(), shipment.get().shipmentId(),
                        payload, now))) {
                    created.add(new DeliveryKey(subscription.id(), event.id()));
                }
            }
        }
        // one announcement's deliveries, one per subscription of its tenant, well within the function's timeout
        sender.attemptAll(created, active.stream().collect(Collectors.toMap(WebhookSubscription::id, Function.identity())), Deadline.none());
        return created.size();
    }

    private List<WebhookEvent> events(String detailType, Map<String, Object> detail, Shipment shipment, Instant now) {
        return switch (detailType) {
            case ShipmentEvents.SHIPMENT_UPDATED -> WebhookEvents.ofUpdate(shipment, number(((Map<?, ?>) detail.get("view")).get("version")),
                    publicBaseUrl, now);
            case ShipmentEvents.SHIPMENT_DELAYED -> List.of(delayChange(WebhookEventType.SHIPMENT_DELAYED, detail, shipment, now));
            case ShipmentEvents.SHIPMENT_BACK_ON_TRACK -> List.of(delayChange(WebhookEventType.SHIPMENT_BACK_ON_TRACK, detail, shipment, now));
            default -> throw new IllegalArgumentException("no merchant events for " + detailType);
        };
    }

    private WebhookEvent delayChange(WebhookEventType type, Map<String, Object> detail, Shipment shipment, Instant now) {
        Object previous = detail.get("previous");
        return WebhookEvents.ofDelayChange(type, shipment, number(detail.get("version")),
                previous == null ? null : DelayStatus.valueOf((String) previous), publicBaseUrl, now);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value));
    }
}
