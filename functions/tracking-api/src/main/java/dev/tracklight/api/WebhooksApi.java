package dev.tracklight.api;

import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.outbound.DeliveryAttempt;
import dev.tracklight.core.outbound.DeliveryState;
import dev.tracklight.core.outbound.DestinationPolicy;
import dev.tracklight.core.outbound.SubscriptionStatus;
import dev.tracklight.core.outbound.WebhookDelivery;
import dev.tracklight.core.outbound.WebhookEventType;
import dev.tracklight.core.outbound.WebhookSubscription;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code /v1/webhooks}: a tenant's subscriptions to shipment events, their deliveries and resends. A
 * subscription or delivery of another tenant answers 404, as a missing one does.
 */
public final class WebhooksApi {

    /** Subscriptions one tenant may have. */
    static final int MAX_SUBSCRIPTIONS = 10;
    static final int MAX_DESCRIPTION = 200;

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final DestinationPolicy destinations;
    private final DestinationPolicy.Resolver resolver;
    private final Clock clock;

    public WebhooksApi(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, DestinationPolicy destinations,
                       DestinationPolicy.Resolver resolver, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.destinations = destinations;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** The body of {@code POST /v1/webhooks}. */
    public record SubscriptionRequest(String url, List<String> events, String description) {
    }

    /** The body of {@code PATCH /v1/webhooks/{id}}: any of the fields; {@code enabled: true} turns a disabled one on again. */
    public record SubscriptionPatch(String url, List<String> events, String description, Boolean enabled) {
    }

    /** A subscription as the API shows it; {@code secret} only in the answer that created it. */
    public record WebhookResource(String id, String url, List<String> events, String description, SubscriptionStatus status,
                                  Instant disabledAt, String disabledReason, Instant failingSince, int consecutiveFailures,
                                  Instant createdAt, Instant updatedAt, String secret) {

        static WebhookResource of(WebhookSubscription subscription, boolean withSecret) {
            return new WebhookResource(subscription.id(), subscription.url(),
                    subscription.events().stream().map(WebhookEventType::wireName).toList(), subscription.description(),
                    subscription.status(), subscription.disabledAt(), subscription.disabledReason(), subscription.failingSince(),
                    subscription.consecutiveFailures(), subscription.createdAt(), subscription.updatedAt(),
                    withSecret ? subscription.secret() : null);
        }
    }

    public record WebhookList(List<WebhookResource> webhooks) {
    }

    /** One event's delivery as the API shows it: the exact body sent, and the latest attempts. */
    public record DeliveryResource(String id, String eventType, String shipmentId, DeliveryState status, int attempts,
                                   List<DeliveryAttempt> recentAttempts, Instant nextAttemptAt, Instant deliveredAt,
                                   String failureReason, Instant createdAt, String body) {

        static DeliveryResource of(WebhookDelivery delivery) {
            return new DeliveryResource(delivery.eventId(), delivery.eventType().wireName(), delivery.shipmentId(), delivery.state(),
                    delivery.attempts(), delivery.recentAttempts(), delivery.nextAttemptAt(), delivery.deliveredAt(),
                    delivery.failureReason(), delivery.createdAt(), delivery.payload());
        }
    }

    public record DeliveryList(List<DeliveryResource> deliveries, String nextCursor) {
    }

    public WebhookResource create(Caller caller, String body) throws ProblemException {
        SubscriptionRequest request = Bodies.read(body, SubscriptionRequest.class, "a webhook subscription");
        if (request.url() == null || request.events() == null) {
            throw new ProblemException(Problem.badRequest("url and events are required"));
        }
        String url = destination(request.url());
        List<WebhookEventType> events = eventTypes(request.events());
        String description = description(request.description());
        if (subscriptions.list(caller.tenantId()).size() >= MAX_SUBSCRIPTIONS) {
            throw new ProblemException(Problem.unprocessable("a tenant may have at most " + MAX_SUBSCRIPTIONS + " webhook subscriptions"));
        }
        WebhookSubscription subscription = WebhookSubscription.create(RandomIds.webhookSubscriptionId(), caller.tenantId(), url, events,
                description, RandomIds.webhookSigningSecret(), clock.instant());
        subscriptions.create(subscription);
        return WebhookResource.of(subscription, true);
    }

    public WebhookList list(Caller caller) {
        return new WebhookList(subscriptions.list(caller.tenantId()).stream().map(subscription -> WebhookResource.of(subscription, false)).toList());
    }

    public WebhookResource get(Caller caller, String id) throws ProblemException {
        return WebhookResource.of(owned(caller, id), false);
    }

    public WebhookResource patch(Caller caller, String id, String body) throws ProblemException {
        SubscriptionPatch patch = Bodies.read(body, SubscriptionPatch.class, "a webhook change");
        if (patch.url() == null && patch.events() == null && patch.description() == null && patch.enabled() == null) {
            throw new ProblemException(Problem.badRequest("send at least one of url, events, description, enabled"));
        }
        String url = patch.url() == null ? null : destination(patch.url());
        List<WebhookEventType> events = patch.events() == null ? null : eventTypes(patch.events());
        String description = description(patch.description());
        Instant now = clock.instant();
        // the key holds the caller's tenant: another tenant's subscription is not found, as a missing one
        return subscriptions.change(caller.tenantId(), id,
                        current -> Optional.of(current.changed(url, events, description, patch.enabled(), now)))
                .map(subscription -> WebhookResource.of(subscription, false))
                .orElseThrow(() -> notFound(id));
    }

    public void delete(Caller caller, String id) throws ProblemException {
        if (!subscriptions.delete(caller.tenantId(), id)) {
            throw notFound(id);
        }
    }

    /** {@code GET /v1/webhooks/{id}/deliveries?status=&limit=&cursor=}, newest first. */
    public DeliveryList deliveries(Caller caller, String id, Map<String, String> query) throws ProblemException {
        owned(caller, id);
        Predicate<WebhookDelivery> filter = delivery -> true;
        String status = query.get("status");
        if (status != null) {
            DeliveryState wanted = Arrays.stream(DeliveryState.values()).filter(state -> state.name().equals(status)).findFirst()
                    .orElseThrow(() -> new ProblemException(Problem.badRequest("status must be one of " + Arrays.toString(DeliveryState.values()))));
            filter = delivery -> delivery.state() == wanted;
        }
        try {
            var page = deliveries.page(id, query.get("cursor"), QueryParameters.limit(query.get("limit")), filter);
            return new DeliveryList(page.deliveries().stream().map(DeliveryResource::of).toList(), page.nextCursor());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("cursor is not one this API returned; start again without it"));
        }
    }

    /**
     * {@code POST /v1/webhooks/{id}/deliveries/{eventId}/resend}: due again now, with a fresh retry window,
     * sent by the next sender run (within a minute). A disabled subscription must be enabled first.
     */
    public DeliveryResource resend(Caller caller, String id, String eventId) throws ProblemException {
        if (!owned(caller, id).isActive()) {
            throw new ProblemException(Problem.conflict("the subscription is disabled; enable it with PATCH before resending"));
        }
        Instant now = clock.instant();
        return deliveries.change(id, eventId, delivery -> Optional.of(delivery.resent(now)))
                .map(DeliveryResource::of)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no delivery " + eventId + " for webhook " + id)));
    }

    private WebhookSubscription owned(Caller caller, String id) throws ProblemException {
        return subscriptions.find(caller.tenantId(), id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problem.notFound("no webhook " + id));
    }

    private String destination(String url) throws ProblemException {
        Optional<String> refusal = destinations.refusalOf(url, resolver);
        if (refusal.isPresent()) {
            throw new ProblemException(Problem.unprocessable(refusal.get()));
        }
        return url;
    }

    private static List<WebhookEventType> eventTypes(List<String> names) throws ProblemException {
        List<WebhookEventType> types = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            WebhookEventType.ofWireName(name).ifPresentOrElse(types::add, () -> unknown.add(String.valueOf(name)));
        }
        if (!unknown.isEmpty() || types.isEmpty()) {
            throw new ProblemException(Problem.unprocessable((unknown.isEmpty() ? "events must name at least one event type"
                    : "unknown event types " + unknown) + "; known: "
                    + Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList()));
        }
        return types;
    }

    private static String description(String description) throws ProblemException {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ProblemException(Problem.unprocessable("description must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return description;
    }
}
