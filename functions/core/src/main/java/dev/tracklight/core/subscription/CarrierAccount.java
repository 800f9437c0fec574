package dev.tracklight.core.subscription;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's account at one source, as the API shows it: never its credentials, only their names.
 *
 * @param carriers the carriers the tenant follows through it; empty for every carrier the source follows
 * @param status   {@code ACTIVE}, or {@code CREDENTIALS_REFUSED} once the source refused them
 * @param endpointId the tenant's own webhook endpoint for this source, where the source is asked to push
 * @param callbackRegistered whether the source was told where to push for this account
 */
public record CarrierAccount(String tenantId, String source, List<String> carriers, List<String> credentialNames, String status,
                             String lastError, String endpointId, boolean callbackRegistered, Instant createdAt, Instant updatedAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String CREDENTIALS_REFUSED = "CREDENTIALS_REFUSED";

    public CarrierAccount {
        carriers = List.copyOf(carriers);
        credentialNames = List.copyOf(credentialNames);
    }

    public CarrierAccount withCallbackRegistered() {
        return new CarrierAccount(tenantId, source, carriers, credentialNames, ACTIVE, null, endpointId, true, createdAt, updatedAt);
    }

    public CarrierAccount withRefusal(String status, String error) {
        return new CarrierAccount(tenantId, source, carriers, credentialNames, status, error, endpointId, callbackRegistered, createdAt,
                updatedAt);
    }
}
