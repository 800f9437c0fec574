package dev.tracklight.api;

import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierAccountRequest;
import dev.tracklight.core.subscription.CarrierConnections;

import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/carrier-accounts}: an admin key stores the tenant's own credentials for each source Tracklight asks
 * (never shown again), and sees what the source said of them. Storing one gives the tenant its own webhook
 * endpoint for the source, where the source is then asked to push.
 */
public final class CarrierAccountsApi {

    private final CarrierAccountStore accounts;
    private final WebhookEndpointStore endpoints;
    private final CarrierConnections connections;

    public CarrierAccountsApi(CarrierAccountStore accounts, WebhookEndpointStore endpoints, CarrierConnections connections) {
        this.accounts = accounts;
        this.endpoints = endpoints;
        this.connections = connections;
    }

    /** An account as the API shows it: the names of its credentials, never their values. */
    public record CarrierAccountResource(String source, List<String> carriers, List<String> credentialNames, String status, String lastError,
                                         String webhookUrl, boolean callbackRegistered, Instant createdAt, Instant updatedAt) {
    }

    public record CarrierAccountList(List<CarrierAccountResource> accounts, List<String> sources) {
    }

    /** @param apiBaseUrl where this API was called ({@code https://{api}.execute-api…}), the base of the tenant's endpoints */
    public CarrierAccountList list(Caller admin, String apiBaseUrl) {
        return new CarrierAccountList(accounts.list(admin.tenantId()).stream().map(account -> resource(account, apiBaseUrl)).toList(),
                connections.sources().stream().sorted().toList());
    }

    /** {@code PUT /v1/carrier-accounts/{source}}: stores or replaces (rotates) the account's credentials. */
    public CarrierAccountResource put(Caller admin, String source, String body, String apiBaseUrl) throws ProblemException {
        CarrierConnection connection = connection(source);
        CarrierAccountRequest request = Bodies.read(body, CarrierAccountRequest.class, "a carrier account ({\"credentials\": {...}})")
                .admitted(connection);
        String endpointId = accounts.find(admin.tenantId(), source).map(CarrierAccount::endpointId)
                .orElseGet(() -> endpoints.create(admin.tenantId(), source, null).endpointId());
        return resource(accounts.put(admin.tenantId(), source, request.credentials(), request.carriers(), endpointId), apiBaseUrl);
    }

    public void delete(Caller admin, String source) throws ProblemException {
        if (!accounts.delete(admin.tenantId(), connection(source).source())) {
            throw new ProblemException(Problem.notFound("no " + source + " account for this tenant"));
        }
    }

    private CarrierConnection connection(String source) throws ProblemException {
        return connections.forSource(source == null ? "" : source).orElseThrow(() -> new ProblemException(Problem.notFound(
                "Tracklight does not call a source named '" + source + "'; it calls " + String.join(", ", connections.sources().stream().sorted().toList()))));
    }

    private CarrierAccountResource resource(CarrierAccount account, String apiBaseUrl) {
        String url = account.endpointId() == null ? null
                : endpoints.find(account.endpointId()).map(endpoint -> apiBaseUrl + endpoint.path()).orElse(null);
        return new CarrierAccountResource(account.source(), account.carriers(), account.credentialNames(), account.status(), account.lastError(),
                url, account.callbackRegistered(), account.createdAt(), account.updatedAt());
    }
}
