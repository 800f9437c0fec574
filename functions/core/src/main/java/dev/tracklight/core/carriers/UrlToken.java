package dev.tracklight.core.carriers;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authenticity for sources that sign nothing (SF Express, Shippo by default): the webhook URL registered
 * with the source carries an unguessable {@code ?token=}, compared with the secret in constant time.
 */
public final class UrlToken {

    public static final String PARAMETER = "token";

    private UrlToken() {
    }

    public static void verify(WebhookRequest request, String secret) throws ProblemException {
        String token = request.query().get(PARAMETER);
        if (token == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.unauthorized("the webhook URL must carry the configured ?" + PARAMETER + "="));
        }
    }
}
