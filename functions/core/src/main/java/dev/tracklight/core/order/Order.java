package dev.tracklight.core.order;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A merchant's order as kept: the token of its public page and when each reported stage was reached (the
 * earliest report of a stage stands, so a redelivered webhook or a repeated call changes nothing).
 */
/**
 * @param number the number the buyer was given, when the sales channel told it (Shopify's "#1001"); else the page
 *               shows {@code orderId}
 */
public record Order(String tenantId, String orderId, String token, Map<OrderStage, Instant> reported, Instant createdAt, String number) {

    public Order {
        EnumMap<OrderStage, Instant> stages = new EnumMap<>(OrderStage.class);
        if (reported != null) {
            stages.putAll(reported);
        }
        reported = java.util.Collections.unmodifiableMap(stages);
    }
}
