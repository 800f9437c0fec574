package dev.tracklight.local.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients a carrier's sandbox knows: any client named {@code sandbox-…} with a secret of 16 or more
 * characters, its first secret being its secret (another secret for the same client is refused), and the bearer
 * tokens issued to them.
 */
final class SandboxClients {

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** A new token for the client, or empty when the sandbox refuses the client. */
    Optional<String> issue(String clientId, String secret) {
        if (clientId == null || secret == null || !clientId.startsWith("sandbox-") || secret.length() < 16
                || !secrets.computeIfAbsent(clientId, id -> secret).equals(secret)) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clientId);
        return Optional.of(token);
    }

    /** The client a {@code Bearer} authorization header names, when its token is one the sandbox issued. */
    Optional<String> bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.ofNullable(tokens.get(authorization.substring(7).strip())) : Optional.empty();
    }
}
