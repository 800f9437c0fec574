package dev.tracklight.core.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's webhook: where to post which events, the secret deliveries are signed with, and how it has
 * been doing. {@code failingSince} and {@code consecutiveFailures} count failed attempts since the last
 * success; a subscription that has failed {@link #DISABLE_AFTER_FAILURES} times in a row over at least
 * {@link #DISABLE_AFTER} is disabled, so a receiver that is gone stops costing both sides retries.
 */
public record WebhookSubscription(
        String id,
        String tenantId,
        String url,
        List<WebhookEventType> events,
        String description,
        String secret,
        SubscriptionStatus status,
        Instant disabledAt,
        String disabledReason,
        Instant failingSince,
        int consecutiveFailures,
        Instant createdAt,
        Instant updatedAt) {

    public static final int DISABLE_AFTER_FAILURES = 10;
    public static final Duration DISABLE_AFTER = Duration.ofHours(24);

    public WebhookSubscription {
        events = events == null ? List.of() : events.stream().distinct().sorted().toList();
    }

    public static WebhookSubscription create(String id, String tenantId, String url, List<WebhookEventType> events, String description,
                                             String secret, Instant now) {
        return new WebhookSubscription(id, tenantId, url, events, description, secret, SubscriptionStatus.ACTIVE, null, null, null, 0,
                now, now);
    }

    public boolean subscribesTo(WebhookEventType type) {
        return status == SubscriptionStatus.ACTIVE && events.contains(type);
    }

    public boolean isActive() {
        return status == SubscriptionStatus.ACTIVE;
    }

    /** After a delivered attempt: the failure count starts again (empty when there was nothing to reset). */
    public Optional<WebhookSubscription> afterSuccess(Instant now) {
        if (consecutiveFailures == 0 && failingSince == null) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSubscription(id, tenantId, url, events, description, secret, status, disabledAt, disabledReason,
                null, 0, createdAt, now));
    }

    /** After a failed attempt: counted, and disabled once it has failed long and often enough. */
    public WebhookSubscription afterFailure(Instant now) {
        Instant since = failingSince == null ? now : failingSince;
        int failures = consecutiveFailures + 1;
        if (isActive() && failures >= DISABLE_AFTER_FAILURES && !now.isBefore(since.plus(DISABLE_AFTER))) {
            String reason = "disabled after " + failures + " failed deliveries in a row since " + since;
            return new WebhookSubscription(id, tenantId, url, events, description, secret, SubscriptionStatus.DISABLED, now, reason,
                    since, failures, createdAt, now);
        }
        return new WebhookSubscription(id, tenantId, url, events, description, secret, status, disabledAt, disabledReason, since, failures,
                createdAt, now);
    }

    /** The merchant's changes; enabling again clears the failure count. Nulls leave a field as it is. */
    public WebhookSubscription changed(String newUrl, List<WebhookEventType> newEvents, String newDescription, Boolean enabled,
                                       Instant now) {
        SubscriptionStatus newStatus = enabled == null ? status : enabled ? SubscriptionStatus.ACTIVE : SubscriptionStatus.DISABLED;
        boolean reenabled = newStatus == SubscriptionStatus.ACTIVE && status == SubscriptionStatus.DISABLED;
        boolean disabledNow = newStatus == SubscriptionStatus.DISABLED && status == SubscriptionStatus.ACTIVE;
        return new WebhookSubscription(id, tenantId, newUrl == null ? url : newUrl, newEvents == null ? events : newEvents,
                newDescription == null ? description : newDescription, secret, newStatus,
                reenabled ? null : disabledNow ? now : disabledAt,
                reenabled ? null : disabledNow ? "disabled by the merchant" : disabledReason,
                reenabled ? null : failingSince, reenabled ? 0 : consecutiveFailures, createdAt, now);
    }
}
