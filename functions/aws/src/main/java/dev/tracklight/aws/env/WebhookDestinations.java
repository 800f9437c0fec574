package dev.tracklight.aws.env;

import dev.tracklight.core.outbound.DestinationPolicy;

/** The deployment's {@link DestinationPolicy}, the same for the API that saves subscriptions and the senders. */
public final class WebhookDestinations {

    /** {@code true} only where receivers legitimately run on private or loopback addresses (the local cloud). */
    public static final String ALLOW_PRIVATE = "ALLOW_PRIVATE_WEBHOOK_DESTINATIONS";

    private WebhookDestinations() {
    }

    public static DestinationPolicy policy(FunctionEnvironment env) {
        return new DestinationPolicy(Boolean.parseBoolean(env.get(ALLOW_PRIVATE).orElse("false")));
    }
}
