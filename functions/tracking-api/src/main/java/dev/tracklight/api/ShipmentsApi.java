package dev.tracklight.api;

import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.IdempotencyStore;
import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.admission.ShipmentAdmission;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.tracking.ShipmentRegistry.Registration;
import dev.tracklight.aws.tracking.ShipmentRegistry;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Cancellations;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.view.ShipmentResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The merchant's shipment routes; every read and write is scoped to the caller's tenant. */
public final class ShipmentsApi {

    /** How often a merchant may ask a shipment's source now. */
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);
    /** Longest {@code Idempotency-Key} accepted (Stripe's limit). */
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final ShipmentStore shipments;
    private final TimelineStore timeline;
    private final ShipmentRegistry registry;
    private final ShipmentTracker tracker;
    private final SubscriptionStore subscriptions;
    private final SubscriptionRequests requests;
    private final IdempotencyStore idempotency;
    private final String publicBaseUrl;
    private final Clock clock;

    public ShipmentsApi(ShipmentStore shipments, TimelineStore timeline, ShipmentRegistry registry, ShipmentTracker tracker, SubscriptionStore subscriptions,
                        SubscriptionRequests requests, IdempotencyStore idempotency, String publicBaseUrl, Clock clock) {
        this.shipments = shipments;
        this.timeline = timeline;
        this.registry = registry;
        this.tracker = tracker;
        this.subscriptions = subscriptions;
        this.requests = requests;
        this.idempotency = idempotency;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /**
     * {@code POST /v1/shipments}. With an {@code Idempotency-Key}, a retry returns the shipment the first
     * request created; the same key with another body is refused (422).
     */
    public ShipmentResource register(Caller caller, String idempotencyKey, String body) throws ProblemException {
        Registration registration = Bodies.read(body, Registration.class, "a shipment registration");
        if (registration.trackingNumber() == null || registration.trackingNumber().isBlank()) {
            throw new ProblemException(Problem.badRequest("trackingNumber is required (carrier is optional: detected from the number when absent)"));
        }
        String shipmentId = RandomIds.shipmentId();
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
                throw new ProblemException(Problem.badRequest("Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters"));
            }
            var claim = idempotency.claim(caller.tenantId(), idempotencyKey, Sha256.hex(body), shipmentId);
            if (!claim.sameRequest()) {
                throw new ProblemException(Problem.unprocessable("this Idempotency-Key was used with a different request in the last 24 hours"));
            }
            shipmentId = claim.shipmentId();
        }
        return resource(registry.register(caller.tenantId(), registration, shipmentId, Optional.empty()));
    }

    /**
     * {@code GET /v1/shipments/{id}}, with its subscription at the source (REQUESTED until the subscriber has the
     * source's answer): another tenant's shipment is indistinguishable from a missing one.
     */
    public ShipmentResource get(Caller caller, String shipmentId) throws ProblemException {
        Shipment shipment = owned(caller, shipmentId);
        return resource(shipment).withSubscription(subscriptions.get(shipment.shipmentId())
                .orElse(Subscription.requested(null, shipment.createdAt())));
    }

    /** The answer to {@code POST /v1/shipments/{id}/refresh}: the source is being asked. */
    public record Refresh(String shipmentId, String source, Instant requestedAt) {
    }

    /**
     * {@code POST /v1/shipments/{id}/refresh}: asks the shipment's source now, once a minute at most, when the
     * source can be asked (a polled one, or a push source with a read call such as EasyPost's).
     */
    public Refresh refresh(Caller caller, String shipmentId) throws ProblemException {
        Shipment shipment = owned(caller, shipmentId);
        Subscription subscription = subscriptions.get(shipment.shipmentId()).orElse(null);
        if (subscription == null || !subscription.state().isAskable() || shipment.status().isTerminal()) {
            throw new ProblemException(Problem.of(409, "Nothing To Ask", "the shipment is " + (shipment.status().isTerminal()
                    ? "ended" : "not followed at a source that can be asked (subscription " + (subscription == null ? "REQUESTED"
                    : subscription.state()) + ")")));
        }
        Instant now = clock.instant();
        if (!subscriptions.claimRefresh(shipment.shipmentId(), now, REFRESH_INTERVAL)) {
            throw new ProblemException(Problem.of(429, "Too Many Refreshes", "a shipment is refreshed at most once every "
                    + REFRESH_INTERVAL.toSeconds() + " seconds; its source was asked less than that ago"));
        }
        requests.refresh(shipment.shipmentId());
        return new Refresh(shipment.shipmentId(), subscription.source(), now);
    }

    /** {@code GET /v1/shipments?orderId=&trackingNumber=&status=&delayed=&updatedSince=&limit=&cursor=}, newest update first. */
    public ShipmentList list(Caller caller, Map<String, String> query) throws ProblemException {
        Predicate<Shipment> filter = filter(query);
        int limit = QueryParameters.limit(query.get("limit"));
        // an order or a tracking number has a handful of shipments: one lookup, one page
        Optional<List<Shipment>> lookedUp = query.get("orderId") != null
                ? Optional.of(shipments.findByOrder(caller.tenantId(), query.get("orderId")))
                : Optional.ofNullable(query.get("trackingNumber"))
                .map(number -> shipments.findByTrackingNumber(caller.tenantId(), TrackingNumbers.normalize(number)));
        if (lookedUp.isPresent()) {
            return new ShipmentList(lookedUp.get().stream().filter(filter).limit(limit).map(this::resource).toList(), null);
        }
        Instant since = instant(query.get("updatedSince"), "updatedSince");
        try {
            var page = shipments.page(caller.tenantId(), since, query.get("cursor"), limit, filter);
            return new ShipmentList(page.shipments().stream().map(this::resource).toList(), page.nextCursor());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.badRequest("cursor is not one this API returned; start again without it"));
        }
    }

    /** {@code GET /v1/shipments/{id}/events}: the full timeline, oldest first, with the carriers' raw codes. */
    public EventList events(Caller caller, String shipmentId) throws ProblemException {
        return new EventList(timeline.all(owned(caller, shipmentId).shipmentId()));
    }

    /** {@code PATCH /v1/shipments/{id}}: a new promise, a new recipient, or a cancellation. */
    public ShipmentResource patch(Caller caller, String shipmentId, String body) throws ProblemException {
        ShipmentPatch patch = Bodies.read(body, ShipmentPatch.class, "a shipment change");
        if (patch.isEmpty()) {
            throw new ProblemException(Problem.badRequest("send at least one of promisedDelivery, recipient, cancel"));
        }
        ShipmentAdmission.requireDate(patch.promisedDelivery(), "promisedDelivery");
        ShipmentAdmission.requireContact(patch.recipient(), "recipient");
        if (Boolean.FALSE.equals(patch.cancel())) {
            throw new ProblemException(Problem.unprocessable("a cancellation cannot be undone; send cancel: true or leave it out"));
        }
        Shipment shipment = owned(caller, shipmentId);
        if (patch.promisedDelivery() != null || patch.recipient() != null) {
            shipment = changeDetails(shipment, patch);
        }
        List<TrackingEvent> cancellation = Boolean.TRUE.equals(patch.cancel()) && !shipment.status().isTerminal()
                ? List.of(Cancellations.of(shipment, "merchant", "Cancelled by the merchant", clock.instant())) : List.of();
        return resource(tracker.add(shipment, cancellation));
    }

    /** Writes the new promise or recipient. */
    private Shipment changeDetails(Shipment read, ShipmentPatch patch) throws ProblemException {
        try {
            return shipments.changeDetails(read.shipmentId(), before -> Optional.of(before.withMerchantDetails(
                            patch.promisedDelivery() == null ? before.promisedDelivery() : patch.promisedDelivery(),
                            patch.recipient() == null ? before.contact() : patch.recipient(), before.destination(), clock.instant())))
                    .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment " + read.shipmentId())));
        } catch (ConcurrentModificationException e) {
            throw new ProblemException(Problem.conflict("the shipment kept changing; send the change again"));
        }
    }

    private Shipment owned(Caller caller, String shipmentId) throws ProblemException {
        return Optional.ofNullable(shipmentId).flatMap(shipments::get)
                .filter(shipment -> shipment.tenantId().equals(caller.tenantId()))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment " + shipmentId)));
    }

    private ShipmentResource resource(Shipment shipment) {
        return ShipmentResource.of(shipment, publicBaseUrl);
    }

    private static Predicate<Shipment> filter(Map<String, String> query) throws ProblemException {
        Predicate<Shipment> filter = shipment -> true;
        String status = query.get("status");
        if (status != null) {
            try {
                Status wanted = Status.valueOf(status);
                filter = filter.and(shipment -> shipment.status() == wanted);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problem.badRequest("status must be one of " + List.of(Status.values())));
            }
        }
        String delayed = query.get("delayed");
        if (delayed != null) {
            if (!delayed.equals("true") && !delayed.equals("false")) {
                throw new ProblemException(Problem.badRequest("delayed must be true or false"));
            }
            boolean wanted = Boolean.parseBoolean(delayed);
            filter = filter.and(shipment -> wanted == (shipment.delay() != null && shipment.delay().signalsDelay()));
        }
        return filter;
    }

    /** An instant the index can compare: its sort keys are ISO text, in which a five-digit year sorts before 2000. */
    private static Instant instant(String value, String name) throws ProblemException {
        try {
            Instant instant = value == null ? null : Instant.parse(value);
            if (instant != null && (instant.isBefore(Bounds.EARLIEST) || !instant.isBefore(Bounds.LATEST))) {
                throw new ProblemException(Problem.badRequest(name + " must lie in the years 2000 to 2099"));
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.badRequest(name + " must be an ISO-8601 instant such as 2026-11-22T08:00:00Z"));
        }
    }

    /** A page of shipments and the cursor of the next one (null: last page). */
    public record ShipmentList(List<ShipmentResource> shipments, String nextCursor) {
    }

    /** A shipment's timeline. */
    public record EventList(List<TrackingEvent> events) {
    }
}
