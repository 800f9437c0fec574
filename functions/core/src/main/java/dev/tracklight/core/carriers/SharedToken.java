package dev.tracklight.core.carriers;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authenticity for sources that sign nothing: the secret itself travels with each webhook, in a header the
 * source documents (UPS {@code credential}, DHL's {@code ApiKeyAuthentication}) or, where the source sends no
 * custom header (SF Express, Shippo by default), as an unguessable {@code ?token=} in the registered URL.
 * Nothing is bound to the body, so the only check is a constant-time comparison.
 */
public final class SharedToken {

    /** The query parameter of token URLs. */
    public static final String PARAMETER = "token";

    private SharedToken() {
    }

    public static void inHeader(WebhookRequest request, String header, String secret) throws ProblemException {
        if (!matches(secret, request.header(header))) {
            throw new ProblemException(Problem.unauthorized("missing or wrong '" + header + "' header"));
        }
    }

    public static void inQuery(WebhookRequest request, String secret) throws ProblemException {
        if (!matches(secret, request.query().get(PARAMETER))) {
            throw new ProblemException(Problem.unauthorized("the webhook URL must carry the configured ?" + PARAMETER + "="));
        }
    }

    private static boolean matches(String secret, String presented) {
        // an endpoint saved without a secret must not accept an empty token from anyone
        return secret != null && !secret.isBlank() && presented != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
