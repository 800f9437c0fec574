package dev.tracklight.outbound;

import dev.tracklight.core.outbound.DeliveryAttempt;

import java.time.Instant;
import java.util.Map;

/** Posts one signed delivery and says how it went; never throws for the receiver's failures. */
public interface WebhookTransport {

    DeliveryAttempt post(String url, Map<String, String> headers, String body, Instant at);
}
