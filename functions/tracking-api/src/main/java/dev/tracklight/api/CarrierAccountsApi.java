package dev.tracklight.api;

import dev.tracklight.aws.store.CarrierAccounts;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierAccountRequest;

import java.time.Instant;
import java.util.List;

/**
 * {@code /v1/carrier-accounts}: an admin key stores the tenant's own credentials for each source Tracklight asks
 * (never shown again), and sees what the source said of them. Storing one gives the tenant its own webhook
 * endpoint for the source, where the source is then asked to push.
 */
public final class CarrierAccountsApi {

    private final CarrierAccounts accounts;

    public CarrierAccountsApi(CarrierAccounts accounts) {
        this.accounts = accounts;
    }

    /** An account as the API shows it: the names of its credentials, never their values. */
    public record CarrierAccountResource(String source, List<String> carriers, List<String> credentialNames, String status, String lastError,
                                         String webhookUrl, boolean callbackRegistered, Instant createdAt, Instant updatedAt) {
    }

    public record CarrierAccountList(List<CarrierAccountResource> accounts, List<String> sources) {
    }

    /** @param apiBaseUrl where this API was called ({@code https://{api}.execute-api…}), the base of the tenant's endpoints */
    public CarrierAccountList list(Caller admin, String apiBaseUrl) {
        return new CarrierAccountList(accounts.store().list(admin.tenantId()).stream().map(account -> resource(account, apiBaseUrl)).toList(),
                accounts.connections().sources().stream().sorted().toList());
    }

    /** {@code PUT /v1/carrier-accounts/{source}}: stores or replaces (rotates) the account's credentials. */
    public CarrierAccountResource put(Caller admin, String source, String body, String apiBaseUrl) throws ProblemException {
        accounts.connection(source);
        CarrierAccountRequest request = Bodies.read(body, CarrierAccountRequest.class, "a carrier account ({\"credentials\": {...}})");
        return resource(accounts.put(admin.tenantId(), source, request), apiBaseUrl);
    }

    public void delete(Caller admin, String source) throws ProblemException {
        if (!accounts.store().delete(admin.tenantId(), accounts.connection(source).source())) {
            throw new ProblemException(Problem.notFound("no " + source + " account for this tenant"));
        }
    }

    private CarrierAccountResource resource(CarrierAccount account, String apiBaseUrl) {
        return new CarrierAccountResource(account.source(), account.carriers(), account.credentialNames(), account.status(), account.lastError(),
                accounts.webhookUrl(account, apiBaseUrl).orElse(null), account.callbackRegistered(), account.createdAt(), account.updatedAt());
    }
}
