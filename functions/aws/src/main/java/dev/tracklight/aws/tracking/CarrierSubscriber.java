package dev.tracklight.aws.tracking;

import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierConnections;
import dev.tracklight.core.subscription.SourceChoice;
import dev.tracklight.core.webhook.WebhookEndpoint;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Subscribes a registered shipment at the source the tenant's accounts choose ({@link SourceChoice}), with that
 * tenant's credentials only, and keeps the source's answer. Safe to repeat: a settled subscription is left as it
 * is, so a redelivered request creates nothing twice.
 */
public final class CarrierSubscriber {

    private final ShipmentStore shipments;
    private final SubscriptionStore subscriptions;
    private final CarrierAccountStore accounts;
    private final WebhookEndpointStore endpoints;
    private final CarrierConnections connections;
    private final String webhookBaseUrl;
    private final Clock clock;

    public CarrierSubscriber(ShipmentStore shipments, SubscriptionStore subscriptions, CarrierAccountStore accounts,
                             WebhookEndpointStore endpoints, CarrierConnections connections, String webhookBaseUrl, Clock clock) {
        this.shipments = shipments;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.endpoints = endpoints;
        this.connections = connections;
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
            return Optional.of(keep(shipmentId, new Subscription(null, SubscriptionState.NO_ACCOUNT, null, "no carrier account of the tenant"
                    + " follows " + shipment.carrier() + "; add one with PUT /v1/carrier-accounts/{source}", clock.instant())));
        }
        CarrierAccount account = chosen.get();
        CarrierConnection connection = connections.forSource(account.source()).orElseThrow();
        Map<String, String> credentials = accounts.credentials(shipment.tenantId(), account.source());
        String callbackUrl = callbackUrl(account);
        if (!account.callbackRegistered() && callbackUrl != null) {
            WebhookEndpoint endpoint = endpoints.find(account.endpointId()).orElseThrow();
            String refusal = connection.registerCallback(credentials, callbackUrl, endpoint.secret());
            if (refusal != null) {
                accounts.update(account.withRefusal(CarrierAccount.CREDENTIALS_REFUSED, refusal));
                return Optional.of(keep(shipmentId, new Subscription(account.source(), SubscriptionState.CREDENTIALS_REFUSED, null, refusal,
                        clock.instant())));
            }
            accounts.update(account.withCallbackRegistered());
        }
        SubscribeResult result = connection.subscribe(new SubscribeRequest(shipment.tenantId(), shipment.carrier(), shipment.trackingNumber(),
                credentials, callbackUrl));
        if (result.state() == SubscriptionState.CREDENTIALS_REFUSED) {
            accounts.update(account.withRefusal(CarrierAccount.CREDENTIALS_REFUSED, result.message()));
        }
        return Optional.of(keep(shipmentId, new Subscription(account.source(), result.state(), result.externalId(), result.message(),
                clock.instant())));
    }

    /**
     * Ends the subscription of a shipment that ended: nothing more to follow. EasyPost stops a tracker by itself and
     * has no call to stop one; a source with such a call makes it here.
     */
    public void end(String shipmentId) {
        Subscription current = subscriptions.get(shipmentId).orElse(Subscription.requested(null, clock.instant()));
        if (current.state() != SubscriptionState.ENDED) {
            keep(shipmentId, current.ended(clock.instant()));
        }
    }

    /** Parks a request the source never answered: the subscription says so until the request is replayed. */
    public void failed(String shipmentId, String why) {
        Subscription current = subscriptions.get(shipmentId).orElse(Subscription.requested(null, clock.instant()));
        if (!current.state().isSettled()) {
            keep(shipmentId, new Subscription(current.source(), SubscriptionState.FAILED, current.externalId(), why, clock.instant()));
        }
    }

    private String callbackUrl(CarrierAccount account) {
        return account.endpointId() == null ? null
                : endpoints.find(account.endpointId()).map(endpoint -> webhookBaseUrl + endpoint.path()).orElse(null);
    }

    private Subscription keep(String shipmentId, Subscription subscription) {
        subscriptions.put(shipmentId, subscription);
        return subscription;
    }
}
