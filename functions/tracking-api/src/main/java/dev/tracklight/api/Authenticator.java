package dev.tracklight.api;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.util.Optional;

/** Reads {@code Authorization: Bearer <key>} into the caller, or refuses the request. */
public final class Authenticator {

    private final ApiKeyStore keys;

    public Authenticator(ApiKeyStore keys) {
        this.keys = keys;
    }

    public Caller caller(String authorization) throws ProblemException {
        return Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(key -> !key.isEmpty())
                .flatMap(keys::find)
                .map(key -> new Caller(key.tenantId(), key.role(), key.prefix()))
                .orElseThrow(() -> new ProblemException(Problem.unauthorized("send a valid API key as 'Authorization: Bearer <key>'")));
    }

    /** The caller, when its key is an admin key. */
    public Caller admin(String authorization) throws ProblemException {
        Caller caller = caller(authorization);
        if (caller.role() != Role.ADMIN) {
            throw new ProblemException(Problem.forbidden("managing API keys needs an admin key"));
        }
        return caller;
    }
}
