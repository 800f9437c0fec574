package dev.tracklight.core.carriers;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Authenticity for sources that send a static shared secret in a header (UPS {@code credential}, DHL's
 * {@code ApiKeyAuthentication}): nothing is bound to the body, so the only check is a constant-time
 * comparison.
 */
public final class HeaderToken {

    private HeaderToken() {
    }

    public static void verify(WebhookRequest request, String header, String secret) throws ProblemException {
        String presented = request.header(header);
        if (presented == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                presented.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Problem.unauthorized("missing or wrong '" + header + "' header"));
        }
    }
}
