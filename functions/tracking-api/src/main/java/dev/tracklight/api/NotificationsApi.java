package dev.tracklight.api;

import dev.tracklight.aws.queue.NotifyRequests;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.notify.Moment;
import dev.tracklight.core.notify.Subscriber;
import dev.tracklight.core.notify.SubscriptionRequest;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;

/**
 * A consumer's updates by e-mail or text, from the tracking page: {@code POST /v1/track/{token}/subscriptions} asks
 * (the confirmation is sent off the request's path), {@code POST /v1/notifications/{token}/confirm} confirms, and
 * {@code POST /v1/notifications/{token}/unsubscribe} stops, as the one-click link of every message does. No key.
 */
public final class NotificationsApi {

    /** Confirmations one parcel's page may ask for: enough for typos, too few to flood someone's inbox through us. */
    static final RateLimit PER_SHIPMENT = new RateLimit(5, Duration.ofHours(1));

    private final NotificationStore notifications;
    private final ShipmentStore shipments;
    private final NotifyRequests confirmations;
    private final SourceQuota quota;
    private final Clock clock;

    public NotificationsApi(NotificationStore notifications, ShipmentStore shipments, NotifyRequests confirmations, SourceQuota quota,
                            Clock clock) {
        this.notifications = notifications;
        this.shipments = shipments;
        this.confirmations = confirmations;
        this.quota = quota;
        this.clock = clock;
    }

    /** What the page is told: the channel and whether updates already flow; never the address. */
    public record Subscription(String channel, String status) {
    }

    public Subscription subscribe(String trackingToken, String body) throws ProblemException {
        Shipment shipment = Optional.ofNullable(trackingToken).flatMap(shipments::findByToken)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment for this tracking link")));
        SubscriptionRequest request = Bodies.read(body, SubscriptionRequest.class, "a subscription ({\"email\"} or {\"phone\"}, and \"lang\")");
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.unprocessable(String.join("; ", problems)));
        }
        if (!quota.take(shipment.tenantId(), "notify#" + shipment.shipmentId(), PER_SHIPMENT)) {
            throw new ProblemException(Problem.of(429, "Too Many Subscriptions", "at most " + PER_SHIPMENT.calls()
                    + " sign-ups an hour for one parcel; try again later"));
        }
        Subscriber kept = notifications.subscribe(new Subscriber(shipment.tenantId(), shipment.shipmentId(), request.channel(),
                request.address(), request.locale(), false, RandomIds.trackingToken(), clock.instant()));
        if (!kept.confirmed()) {
            confirmations.confirm(kept.token());
        }
        // PENDING whether or not the address had confirmed before: the answer tells nobody who follows this parcel
        return new Subscription(kept.channel().name(), "PENDING");
    }

    /**
     * Confirms a subscription from the link in its confirmation. The shipment is marked first, so every announcement
     * from then on reaches the notifier (a retry after a failed mark marks it, even for a sign-up confirmed already);
     * the moment the parcel is at when read after that mark counts as told: the reader sees it on the page.
     */
    public Subscription confirm(String token) throws ProblemException {
        Subscriber subscriber = Optional.ofNullable(token).flatMap(notifications::findByToken)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no subscription for this link; it may have been stopped")));
        Optional<Shipment> marked;
        try {
            marked = shipments.changeDetails(subscriber.shipmentId(), shipment -> shipment.updatesWanted() ? Optional.empty()
                    : Optional.of(shipment.withUpdatesWanted(clock.instant())));
        } catch (ConcurrentModificationException e) {
            throw new ProblemException(Problem.conflict("the parcel kept changing while updates were confirmed; follow the link again"));
        }
        if (!subscriber.confirmed()) {
            // the shipment as just marked; read again only when it was marked before
            marked.or(() -> shipments.get(subscriber.shipmentId())).flatMap(Moment::headline).ifPresent(now -> {
                if (notifications.claim(subscriber, now) == NotificationStore.Claim.CLAIMED) {
                    notifications.markTold(subscriber, now);
                }
            });
            if (!notifications.confirm(subscriber)) {
                throw new ProblemException(Problem.notFound("no subscription for this link; it was stopped"));
            }
        }
        return new Subscription(subscriber.channel().name(), "CONFIRMED");
    }

    /** Stops a subscription; answered the same for one already stopped, as a one-click unsubscribe expects. */
    public Subscription unsubscribe(String token) {
        var subscriber = Optional.ofNullable(token).flatMap(notifications::findByToken);
        subscriber.ifPresent(notifications::remove);
        return new Subscription(subscriber.map(found -> found.channel().name()).orElse(null), "UNSUBSCRIBED");
    }
}
