package dev.tracklight.api;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.ApiKey;
import dev.tracklight.aws.store.ApiKeyStore.IssuedKey;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Duration;
import java.util.List;

/** {@code /v1/keys}: an admin key manages its own tenant's keys, as {@code ./tracklight key} does for the operator. */
public final class KeysApi {

    /** The longest grace period a rotation may give the old key. */
    static final long MAX_GRACE_HOURS = 7 * 24;

    private final ApiKeyStore keys;

    public KeysApi(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** The body of {@code POST /v1/keys}: the new key's role (STANDARD when absent). */
    public record KeyRequest(Role role) {
    }

    /** The body of {@code POST /v1/keys/{prefix}/rotate}: how long the old key keeps working (0 when absent). */
    public record RotateRequest(Long graceHours) {
    }

    public record KeyList(List<ApiKey> keys) {
    }

    public KeyList list(Caller admin) {
        return new KeyList(keys.list(admin.tenantId()));
    }

    public IssuedKey create(Caller admin, String body) throws ProblemException {
        KeyRequest request = body == null || body.isBlank() ? new KeyRequest(null) : Bodies.read(body, KeyRequest.class, "a key request");
        return keys.issue(admin.tenantId(), request.role() == null ? Role.STANDARD : request.role());
    }

    public IssuedKey rotate(Caller admin, String prefix, String body) throws ProblemException {
        RotateRequest request = body == null || body.isBlank() ? new RotateRequest(null) : Bodies.read(body, RotateRequest.class, "a rotation");
        long grace = request.graceHours() == null ? 0 : request.graceHours();
        if (grace < 0 || grace > MAX_GRACE_HOURS) {
            throw new ProblemException(Problem.unprocessable("graceHours must be from 0 to " + MAX_GRACE_HOURS));
        }
        return keys.rotate(admin.tenantId(), prefix, Duration.ofHours(grace))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no key " + prefix)));
    }

    public void revoke(Caller admin, String prefix) throws ProblemException {
        if (!keys.revoke(admin.tenantId(), prefix)) {
            throw new ProblemException(Problem.notFound("no key " + prefix));
        }
    }
}
