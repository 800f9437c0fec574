package dev.tracklight.aws.tracking;

import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.PollScheduleStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.admission.EventAdmission;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierConnections;
import dev.tracklight.core.subscription.PollCadence;
import dev.tracklight.core.subscription.SourceChoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribes a registered shipment at the source the tenant's accounts choose ({@link SourceChoice}), with that
 * tenant's credentials only, and keeps the source's answer. Safe to repeat: a settled subscription is left as it
 * is, so a redelivered request creates nothing twice.
 */
public final class CarrierSubscriber {

    /** How long a source that could not answer (and named no Retry-After) waits before it is asked again. */
    private static final Duration RETRY_UNANSWERED = Duration.ofMinutes(5);
    /** A number its source has shown nothing for this long after registration is not polled further. */
    static final Duration HORIZON = Duration.ofDays(30);

    private final ShipmentStore shipments;
    private final SubscriptionStore subscriptions;
    private final CarrierAccountStore accounts;
    private final WebhookEndpointStore endpoints;
    private final CarrierConnections connections;
    private final Polling polling;
    private final String webhookBaseUrl;
    private final Clock clock;

    /** What polling needs: where the schedule is kept, the sources' rate limits, the queue polled events join, the cadence. */
    public record Polling(PollScheduleStore schedule, SourceQuota quota, EventQueue events, PollCadence cadence) {
    }

    public CarrierSubscriber(ShipmentStore shipments, SubscriptionStore subscriptions, CarrierAccountStore accounts,
                             WebhookEndpointStore endpoints, CarrierConnections connections, Polling polling, String webhookBaseUrl,
                             Clock clock) {
        this.shipments = shipments;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.endpoints = endpoints;
        this.connections = connections;
        this.polling = polling;
        this.webhookBaseUrl = webhookBaseUrl;
        this.clock = clock;
    }

    /**
     * @return the subscription as it now stands, or empty when the shipment no longer exists
     * @throws SourceUnavailable when the source could not answer: the request is to be retried
     */
    public Optional<Subscription> subscribe(String shipmentId) throws SourceUnavailable {
        Optional<Shipment> found = shipments.get(shipmentId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Shipment shipment = found.get();
        Optional<Subscription> existing = subscriptions.get(shipmentId);
        if (existing.isPresent() && existing.get().state().isSettled()) {
            return existing;
        }
        Optional<CarrierAccount> chosen = SourceChoice.forCarrier(shipment.carrier(), accounts.list(shipment.tenantId()), connections);
        if (chosen.isEmpty()) {
            subscriptions.waitForAccount(shipment.tenantId(), shipmentId);
            return Optional.of(keep(shipmentId, new Subscription(null, SubscriptionState.NO_ACCOUNT, null, "no carrier account of the tenant"
                    + " follows " + shipment.carrier() + "; add one with PUT /v1/carrier-accounts/{source}", clock.instant())));
        }
        CarrierAccount account = chosen.get();
        CarrierConnection connection = connections.forSource(account.source()).orElseThrow();
        Map<String, String> credentials = accounts.credentials(shipment.tenantId(), account.source());
        SubscribeRequest.Callback callback = callback(account);
        if (!account.callbackRegistered() && callback != null) {
            if (!accounts.claimCallback(account)) {
                throw new SourceUnavailable("the " + account.source() + " callback is being registered by another request",
                        Optional.of(Duration.ofSeconds(5)));
            }
            String refusal = connection.registerCallback(credentials, callback.url(), callback.secret());
            if (refusal != null) {
                accounts.update(account.withRefusal(CarrierAccount.CREDENTIALS_REFUSED, refusal));
                subscriptions.waitForAccount(shipment.tenantId(), shipmentId);
                return Optional.of(keep(shipmentId, new Subscription(account.source(), SubscriptionState.CREDENTIALS_REFUSED, null, refusal,
                        clock.instant())));
            }
            accounts.update(account.withCallbackRegistered());
        }
        SubscribeResult result = connection.subscribe(new SubscribeRequest(shipment.tenantId(), shipment.carrier(), shipment.trackingNumber(),
                credentials, callback));
        if (result.state() == SubscriptionState.CREDENTIALS_REFUSED) {
            accounts.update(account.withRefusal(CarrierAccount.CREDENTIALS_REFUSED, result.message()));
            subscriptions.waitForAccount(shipment.tenantId(), shipmentId);
        }
        if (result.state().isAskable()) {
            // scheduled before the state is kept: a crash after keeping it can then not leave a followed shipment unasked
            polling.schedule().schedule(shipmentId, clock.instant().plus(result.state() == SubscriptionState.POLLED ? RETRY_UNANSWERED
                    : polling.cadence().inTransit()));
        }
        Subscription kept = keep(shipmentId, new Subscription(account.source(), result.state(), result.externalId(), result.message(),
                clock.instant()));
        if (kept.state() == SubscriptionState.POLLED) {
            poll(shipmentId, true); // the first answer at once, not on the scheduler's next round
            return subscriptions.get(shipmentId);
        }
        return Optional.of(kept);
    }

    /**
     * Asks the shipment's source and queues what it said as events, exactly as a push would be (for this tenant's
     * shipments only), then schedules the next time on the stage's cadence. A push source ({@code ACTIVE}) is asked
     * only when it has been quiet past that target, unless {@code now} is forced (a merchant's refresh). A source that
     * could not answer is asked again after its {@code Retry-After} or a few minutes; an ended shipment is not asked again.
     */
    public void poll(String shipmentId, boolean forced) {
        try {
            ask(shipmentId, forced);
        } catch (RuntimeException e) {
            // the table or the credentials failed, not the source: ask again later rather than lose the poll
            polling.schedule().schedule(shipmentId, clock.instant().plus(RETRY_UNANSWERED));
            throw e;
        }
    }

    private void ask(String shipmentId, boolean forced) {
        Instant now = clock.instant();
        Optional<Shipment> found = shipments.get(shipmentId);
        Optional<Subscription> current = subscriptions.get(shipmentId);
        if (found.isPresent() && current.isEmpty()) {
            // the registration's outbox: its queued request was lost (or is late); subscribing is safe to repeat
            try {
                subscribe(shipmentId);
            } catch (SourceUnavailable e) {
                polling.schedule().schedule(shipmentId, now.plus(e.retryAfter().orElse(RETRY_UNANSWERED)));
            }
            return;
        }
        if (found.isEmpty() || found.get().status().isTerminal() || !current.get().state().isAskable()) {
            polling.schedule().remove(shipmentId);
            return;
        }
        Shipment shipment = found.get();
        Subscription subscription = current.get();
        if (shipment.lastEvent() == null && shipment.createdAt().isBefore(now.minus(HORIZON))) {
            polling.schedule().remove(shipmentId);
            keep(shipmentId, new Subscription(subscription.source(), SubscriptionState.REFUSED, subscription.externalId(),
                    "nothing from " + subscription.source() + " in " + HORIZON.toDays() + " days: check the number", now));
            return;
        }
        if (!forced && subscription.state() == SubscriptionState.ACTIVE && !quiet(shipment, now)) {
            polling.schedule().schedule(shipmentId, now.plus(polling.cadence().inTransit()));
            return;
        }
        Optional<CarrierConnection> connection = connections.forSource(subscription.source());
        Optional<CarrierAccountStore.Opened> account = accounts.open(shipment.tenantId(), subscription.source());
        if (connection.isEmpty() || account.isEmpty()) {
            polling.schedule().remove(shipmentId);
            keep(shipmentId, new Subscription(subscription.source(), SubscriptionState.NO_ACCOUNT, null,
                    "the tenant's " + subscription.source() + " account was removed", now));
            return;
        }
        if (!polling.quota().take(shipment.tenantId(), subscription.source(), connection.get().rateLimit())) {
            polling.schedule().schedule(shipmentId, connection.get().rateLimit().windowEnd(now));
            return;
        }
        PollResult result;
        try {
            result = connection.get().poll(new SubscribeRequest(shipment.tenantId(), shipment.carrier(), shipment.trackingNumber(),
                    account.get().credentials(), null), subscription.externalId(), now);
        } catch (SourceUnavailable e) {
            polling.schedule().schedule(shipmentId, now.plus(e.retryAfter().orElse(RETRY_UNANSWERED)));
            keep(shipmentId, new Subscription(subscription.source(), subscription.state(), subscription.externalId(), e.getMessage(), now));
            return;
        }
        if (result.state() == SubscriptionState.CREDENTIALS_REFUSED || result.state() == SubscriptionState.REFUSED) {
            if (result.state() == SubscriptionState.CREDENTIALS_REFUSED) {
                accounts.update(account.get().account().withRefusal(CarrierAccount.CREDENTIALS_REFUSED, result.message()));
                subscriptions.waitForAccount(shipment.tenantId(), shipmentId);
            }
            polling.schedule().remove(shipmentId);
            keep(shipmentId, new Subscription(subscription.source(), result.state(), subscription.externalId(), result.message(), now));
            return;
        }
        String said = result.message();
        if (!result.events().isEmpty()) {
            try {
                // through the same door as a push: what the source said must be what we can store
                polling.events().sendAll(EventAdmission.admit(result.events(), now), shipment.tenantId());
            } catch (ProblemException refused) {
                said = subscription.source() + "'s answer was refused: " + refused.problem().detail();
            }
        }
        keep(shipmentId, new Subscription(subscription.source(), subscription.state(), subscription.externalId(), said, now));
        Status latest = ShipmentFold.fold(result.events()).status();
        Status status = latest != null && latest.rank() >= shipment.status().rank() ? latest : shipment.status();
        polling.cadence().next(status, now).ifPresentOrElse(at -> polling.schedule().schedule(shipmentId, at),
                () -> polling.schedule().remove(shipmentId));
    }

    /**
     * Ends the subscription of a shipment that ended: a source that still follows it is told to stop (with the
     * tenant's own credentials), so it stops pushing and charging; the subscription is then {@code ENDED}.
     *
     * @throws SourceUnavailable when the source could not answer: the request is retried, the subscription not yet ended
     */
    public void end(String shipmentId) throws SourceUnavailable {
        Subscription current = subscriptions.get(shipmentId).orElse(Subscription.requested(null, clock.instant()));
        if (current.state() == SubscriptionState.ENDED) {
            return;
        }
        String said = current.lastError();
        Optional<CarrierConnection> connection = current.state() == SubscriptionState.ACTIVE ? connections.forSource(current.source())
                : Optional.empty();
        Optional<Shipment> shipment = shipments.get(shipmentId);
        if (connection.isPresent() && shipment.isPresent()) {
            Optional<CarrierAccountStore.Opened> account = accounts.open(shipment.get().tenantId(), current.source());
            if (account.isPresent()) {
                said = connection.get().unsubscribe(new SubscribeRequest(shipment.get().tenantId(), shipment.get().carrier(),
                        shipment.get().trackingNumber(), account.get().credentials(), null), current.externalId());
            }
        }
        keep(shipmentId, new Subscription(current.source(), SubscriptionState.ENDED, current.externalId(), said, clock.instant()));
    }

    /** Whether the source has sent nothing for longer than the stage's freshness target. */
    private boolean quiet(Shipment shipment, Instant now) {
        Instant last = shipment.lastEvent() == null ? shipment.createdAt() : shipment.lastEvent().receivedAt();
        return polling.cadence().next(shipment.status(), last).map(due -> !due.isAfter(now)).orElse(false);
    }

    /** Parks a request the source never answered: the subscription says so until the request is replayed. */
    public void failed(String shipmentId, String why) {
        Subscription current = subscriptions.get(shipmentId).orElse(Subscription.requested(null, clock.instant()));
        if (!current.state().isSettled()) {
            keep(shipmentId, new Subscription(current.source(), SubscriptionState.FAILED, current.externalId(), why, clock.instant()));
        }
    }

    /** The tenant's endpoint for the account's source, where it pushes, with the secret it signs with; null when it has none. */
    private SubscribeRequest.Callback callback(CarrierAccount account) {
        return account.endpointId() == null ? null : endpoints.find(account.endpointId())
                .map(endpoint -> new SubscribeRequest.Callback(webhookBaseUrl + endpoint.path(), endpoint.secret())).orElse(null);
    }

    private Subscription keep(String shipmentId, Subscription subscription) {
        subscriptions.put(shipmentId, subscription);
        return subscription;
    }
}
