package dev.tracklight.aws.store;

import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierAccountRequest;
import dev.tracklight.core.subscription.CarrierConnections;

import java.util.Optional;

/**
 * Storing a tenant's account at a source, the same through the merchant API and {@code ./tracklight carrier-account}:
 * checked against what the source takes, with the tenant's own webhook endpoint for that source made on the first one, where the source pushes.
 */
public final class CarrierAccounts {

    private final CarrierAccountStore accounts;
    private final WebhookEndpointStore endpoints;
    private final CarrierConnections connections;
    private final SubscriptionStore subscriptions;
    private final SubscriptionRequests requests;

    public CarrierAccounts(CarrierAccountStore accounts, WebhookEndpointStore endpoints, CarrierConnections connections,
                           SubscriptionStore subscriptions, SubscriptionRequests requests) {
        this.accounts = accounts;
        this.endpoints = endpoints;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.requests = requests;
    }

    public CarrierAccountStore store() {
        return accounts;
    }

    public CarrierConnections connections() {
        return connections;
    }

    /**
     * Stores the account, then asks again for every shipment of the tenant that was waiting for one (none followed
     * it, or the source refused the old credentials).
     *
     * @throws ProblemException 404 for a source Tracklight does not call, 422 for credentials it does not take
     */
    public CarrierAccount put(String tenantId, String source, CarrierAccountRequest request) throws ProblemException {
        CarrierConnection connection = connection(source);
        CarrierAccountRequest admitted = request.admitted(connection);
        // a source that signs with the tenant's own key: the endpoint checks its pushes against that key
        String signingKey = connection.pushSignedWith().map(admitted.credentials()::get).orElse(null);
        Optional<String> existing = accounts.find(tenantId, source).map(CarrierAccount::endpointId);
        existing.filter(id -> signingKey != null).ifPresent(id -> endpoints.replaceSecret(id, signingKey));
        String endpointId = existing.orElseGet(() -> connection.pushes() ? endpoints.create(tenantId, source, signingKey).endpointId() : null);
        CarrierAccount stored = accounts.put(tenantId, source, admitted.credentials(), admitted.carriers(), endpointId);
        subscriptions.takeWaiting(tenantId).forEach(requests::subscribe);
        return stored;
    }

    public CarrierConnection connection(String source) throws ProblemException {
        return connections.forSource(source == null ? "" : source).orElseThrow(() -> new ProblemException(Problem.notFound(
                "Tracklight does not call a source named '" + source + "'; it calls " + String.join(", ", connections.sources().stream().sorted().toList()))));
    }

    /** The full URL of the account's endpoint under {@code apiBaseUrl}, when it has one. */
    public Optional<String> webhookUrl(CarrierAccount account, String apiBaseUrl) {
        return Optional.ofNullable(account.endpointId()).flatMap(endpoints::find).map(endpoint -> apiBaseUrl + endpoint.path());
    }
}
