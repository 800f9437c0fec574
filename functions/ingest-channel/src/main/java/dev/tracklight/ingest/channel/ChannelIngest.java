package dev.tracklight.ingest.channel;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.ChannelStore;
import dev.tracklight.aws.store.IdempotencyStore;
import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.aws.tracking.ShipmentRegistry;
import dev.tracklight.aws.tracking.ShipmentRegistry.Registration;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.admission.EventAdmission;
import dev.tracklight.core.admission.ShipmentAdmission;
import dev.tracklight.core.channels.ChannelAdapter;
import dev.tracklight.core.channels.registry.ChannelAdapters;
import dev.tracklight.core.channels.ChannelChange;
import dev.tracklight.core.channels.ChannelChange.Cancelled;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.FulfillmentProgress;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.ChannelDelivery;
import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.model.Cancellations;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.order.Order;
import dev.tracklight.core.order.OrderStage;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.core.webhook.WebhookRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accepts a sales channel's webhook on a tenant's endpoint: check the signature, skip a delivery already
 * handled, then register a shipment per fulfilled tracking number (linked to its order and fulfilment) and
 * queue the fulfilment's progress (and cancellations) as events of those shipments. Every step can be repeated: a fulfilment's
 * shipment is claimed under a key of the fulfilment and number, and event ids are deterministic.
 */
public final class ChannelIngest {

    private final Map<String, ChannelAdapter> adapters;
    private final WebhookEndpointStore endpoints;
    private final ChannelStore channels;
    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final ShipmentRegistry registry;
    private final IdempotencyStore claims;
    private final EventQueue queue;

    public ChannelIngest(List<ChannelAdapter> adapters, WebhookEndpointStore endpoints, ChannelStore channels, OrderStore orders,
                         ShipmentStore shipments, ShipmentRegistry registry, IdempotencyStore claims, EventQueue queue) {
        this.adapters = adapters.stream().collect(Collectors.toUnmodifiableMap(ChannelAdapter::channel, Function.identity()));
        this.endpoints = endpoints;
        this.channels = channels;
        this.orders = orders;
        this.shipments = shipments;
        this.registry = registry;
        this.claims = claims;
        this.queue = queue;
    }

    public static ChannelIngest wire(FunctionEnvironment env) {
        AwsClients aws = new AwsClients(env);
        String table = env.require("TABLE_NAME");
        Clock clock = Clock.systemUTC();
        var store = new ShipmentStore(aws.dynamoDb(), table);
        var orders = new OrderStore(aws.dynamoDb(), table, clock);
        return new ChannelIngest(ChannelAdapters.all(clock),
                new WebhookEndpointStore(aws.dynamoDb(), table), new ChannelStore(aws.dynamoDb(), table, clock), orders, store,
                new ShipmentRegistry(store, orders, new TimelineStore(aws.dynamoDb(), table, clock), ShipmentTracker.wire(env, aws),
                        new SubscriptionRequests(aws.sqs(), env.require("SUBSCRIPTIONS_QUEUE_URL")), clock), new IdempotencyStore(aws.dynamoDb(), table, clock),
                new EventQueue(aws.sqs(), env.require("EVENTS_QUEUE_URL")));
    }

    /** What a delivery did: shipments registered or found, events queued; nothing for a ping or a repeat. */
    public record Receipt(String outcome, int shipments, int events) {
    }

    /** Whether {@code channel} names a channel we have an adapter for (metrics name no other). */
    public boolean knows(String channel) {
        return channel != null && adapters.containsKey(channel);
    }

    public Receipt accept(String channel, String endpointId, WebhookRequest request) throws ProblemException {
        ChannelAdapter adapter = Optional.ofNullable(adapters.get(channel)).orElseThrow(() -> new ProblemException(Problem.notFound(
                "unknown sales channel '" + channel + "'; supported: " + String.join(", ", adapters.keySet()))));
        WebhookEndpoint endpoint = endpoints.find(endpointId).filter(found -> found.source().equals(channel))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no '" + channel + "' webhook endpoint '" + endpointId + "'")));
        if (adapter.isPing(request)) {
            return new Receipt("ping", 0, 0);
        }
        adapter.verify(request, endpoint.secret());
        ChannelDelivery delivery = adapter.parse(request);
        String tenantId = endpoint.tenantId();
        if (channels.handled(tenantId, channel, delivery.deliveryId())) {
            return new Receipt("duplicate", 0, 0);
        }
        int registered = 0;
        List<TrackingEvent> events = new ArrayList<>();
        for (ChannelChange change : delivery.changes()) {
            switch (change) {
                case OrderPlaced order -> placed(tenantId, channel, order, request.receivedAt());
                case Fulfilled fulfilled -> registered += register(tenantId, channel, fulfilled);
                case FulfillmentProgress progress -> events.addAll(events(tenantId, channel, progress));
                case Cancelled cancelled -> events.addAll(cancellations(tenantId, channel, cancelled));
            }
        }
        if (!events.isEmpty()) {
            try {
                queue.sendAll(EventAdmission.admit(events, request.receivedAt()), tenantId);
            } catch (EventQueue.QueueUnavailableException e) {
                throw new ProblemException(Problem.unavailable("events could not be queued; retry later"));
            }
        }
        channels.markHandled(tenantId, channel, delivery.deliveryId());
        return new Receipt("accepted", registered, events.size());
    }

    /** Remembers the order for its fulfilments, and its page's first stages: placed, and confirmed once paid. */
    private void placed(String tenantId, String channel, OrderPlaced order, Instant receivedAt) throws ProblemException {
        ShipmentAdmission.requireText(order.orderId(), Bounds.ORDER_ID, "order id");
        ShipmentAdmission.requireText(order.orderNumber(), Bounds.ORDER_ID, "order number");
        channels.rememberOrder(tenantId, channel, order);
        Order opened = orders.open(tenantId, order.orderId());
        if (order.orderNumber() != null) {
            orders.number(opened, order.orderNumber());
        }
        orders.reach(opened, OrderStage.PLACED, reportedAt(order.placedAt(), receivedAt));
        if (order.paidAt() != null) {
            orders.reach(opened, OrderStage.CONFIRMED, reportedAt(order.paidAt(), receivedAt));
        }
    }

    /** A channel's clock is not ours: a time after the receipt (or before any order) is read as the receipt's. */
    private static Instant reportedAt(Instant at, Instant receivedAt) {
        return at == null || at.isAfter(receivedAt) || at.isBefore(Bounds.EARLIEST) ? receivedAt : at;
    }

    /** One shipment per tracking number, with the order's recipient when the order came first. */
    private int register(String tenantId, String channel, Fulfilled fulfilled) throws ProblemException {
        Optional<OrderPlaced> order = channels.order(tenantId, channel, fulfilled.orderId());
        for (String number : fulfilled.trackingNumbers()) {
            String claimKey = channel + ":fulfillment:" + fulfilled.fulfillmentId() + ":" + number;
            String shipmentId = claims.claim(tenantId, claimKey, claimKey, RandomIds.shipmentId()).shipmentId();
            var registration = new Registration(fulfilled.orderId(), channel, fulfilled.carrier(), number, null, null,
                    order.map(OrderPlaced::destination).orElse(fulfilled.destination()),
                    order.map(OrderPlaced::promisedDelivery).orElse(null),
                    order.map(OrderPlaced::recipient).orElse(fulfilled.recipient()));
            Shipment shipment = registry.register(tenantId, registration, shipmentId, Optional.of(carrierNamed(fulfilled.carrierName())));
            channels.link(tenantId, channel, fulfilled.fulfillmentId(), shipment.shipmentId());
        }
        return fulfilled.trackingNumbers().size();
    }

    /**
     * A carrier neither the channel's name nor the number's shape tells is registered under the channel's
     * name for it, so the merchant's shipment exists (and shows) rather than being refused to a platform that
     * cannot answer a 422.
     */
    private static String carrierNamed(String carrierName) {
        String code = carrierName == null ? "" : carrierName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+", "");
        return code.isEmpty() ? "unknown" : code.substring(0, Math.min(code.length(), 64));
    }

    /** The order's shipments from this channel (or the fulfilment's), each cancelled unless already finished. */
    private List<TrackingEvent> cancellations(String tenantId, String channel, Cancelled cancelled) {
        List<Shipment> affected = cancelled.fulfillmentId() != null
                ? fulfilmentShipments(tenantId, channel, cancelled.fulfillmentId())
                : shipments.findByOrder(tenantId, cancelled.orderId()).stream().filter(shipment -> channel.equals(shipment.channel())).toList();
        return affected.stream().filter(shipment -> !shipment.status().isTerminal())
                .map(shipment -> Cancellations.of(shipment, channel, "Order cancelled in " + channel, cancelled.occurredAt()))
                .toList();
    }

    private List<Shipment> fulfilmentShipments(String tenantId, String channel, String fulfillmentId) {
        return shipments.getAll(channels.shipmentsOf(tenantId, channel, fulfillmentId));
    }

    private List<TrackingEvent> events(String tenantId, String channel, FulfillmentProgress progress) {
        return fulfilmentShipments(tenantId, channel, progress.fulfillmentId()).stream()
                .map(shipment -> new TrackingEvent(
                        EventIds.of(shipment.carrier(), shipment.trackingNumber(), channel + "-" + progress.eventId(), progress.occurredAt(), null),
                        shipment.carrier(), shipment.trackingNumber(), progress.occurredAt(), progress.localOffset(), false,
                        progress.occurredAt(), progress.status(), progress.subStatus(), null, progress.rawCode(), progress.message(),
                        progress.location(), channel, progress.estimatedDelivery()))
                .toList();
    }
}
