package dev.tracklight.api;

import dev.tracklight.aws.store.ApiKeyStore.Role;

/** Who is calling the merchant API: the tenant every query is scoped to, and what its key may do. */
public record Caller(String tenantId, Role role, String keyPrefix) {
}
