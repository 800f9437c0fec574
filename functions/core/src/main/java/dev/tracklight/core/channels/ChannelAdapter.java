package dev.tracklight.core.channels;

import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

/** One sales channel's webhooks: how they are signed and what they mean. */
public interface ChannelAdapter {

    /** The channel's name in our webhook URLs: {@code /webhooks/channels/{channel}/{endpointId}}. */
    String channel();

    /** A platform's liveness probe (WooCommerce's ping), answered 200 before any signature check: it carries none. */
    default boolean isPing(WebhookRequest request) {
        return false;
    }

    /** @throws ProblemException 401 when the request is not signed with the endpoint's secret */
    void verify(WebhookRequest request, String secret) throws ProblemException;

    /** @throws ProblemException 400 naming what is wrong with the body */
    ChannelDelivery parse(WebhookRequest request) throws ProblemException;
}
