package dev.tracklight.core.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One event on its way to one subscription. The body is fixed when the delivery is created, so every
 * attempt sends the same bytes under the same event id; only the timestamp and signature are new each time.
 * A sender {@link #claimed claims} a due delivery for a short lease before it posts, so two senders never
 * post the same delivery at once.
 */
public record WebhookDelivery(
        String subscriptionId,
        String tenantId,
        String eventId,
        WebhookEventType eventType,
        String shipmentId,
        String payload,
        DeliveryState state,
        int attempts,
        List<DeliveryAttempt> recentAttempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant firstAttemptAt,
        Instant deliveredAt,
        String failureReason,
        Instant createdAt) {

    /** Attempts kept with the delivery for the merchant to inspect; the count covers them all. */
    public static final int RECENT_ATTEMPTS = 10;

    public WebhookDelivery {
        recentAttempts = recentAttempts == null ? List.of() : List.copyOf(recentAttempts);
    }

    public static WebhookDelivery pending(WebhookSubscription subscription, String eventId, WebhookEventType eventType, String shipmentId,
                                          String payload, Instant now) {
        return new WebhookDelivery(subscription.id(), subscription.tenantId(), eventId, eventType, shipmentId, payload,
                DeliveryState.PENDING, 0, List.of(), now, null, null, null, null, now);
    }

    /** Due, and not held by another sender's lease. */
    public boolean claimableAt(Instant now) {
        return state == DeliveryState.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now)
                && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /** Held by one sender until {@code now + lease}; should it die, another takes over after that. */
    public Optional<WebhookDelivery> claimed(Instant now, Duration lease) {
        if (!claimableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(with(state, attempts, recentAttempts, nextAttemptAt, now.plus(lease), firstAttemptAt, deliveredAt, failureReason));
    }

    /** The attempt's outcome: delivered, due again on the schedule, or failed once the schedule has run out. */
    public WebhookDelivery after(DeliveryAttempt attempt, RetrySchedule schedule) {
        List<DeliveryAttempt> recent = new ArrayList<>(recentAttempts);
        recent.add(attempt);
        List<DeliveryAttempt> kept = recent.subList(Math.max(0, recent.size() - RECENT_ATTEMPTS), recent.size());
        Instant first = firstAttemptAt == null ? attempt.at() : firstAttemptAt;
        int made = attempts + 1;
        if (attempt.succeeded()) {
            return with(DeliveryState.DELIVERED, made, kept, null, null, first, attempt.at(), null);
        }
        Optional<Instant> next = schedule.nextAttempt(made, first, attempt.at());
        return next.map(at -> with(DeliveryState.PENDING, made, kept, at, null, first, deliveredAt, null))
                .orElseGet(() -> with(DeliveryState.FAILED, made, kept, null, null, first, deliveredAt,
                        "gave up after " + made + " attempts since " + first));
    }

    /** Not sent, and not to be retried, for a reason of ours (the subscription was disabled or deleted). */
    public WebhookDelivery abandoned(String reason) {
        return with(DeliveryState.FAILED, attempts, recentAttempts, null, null, firstAttemptAt, deliveredAt, reason);
    }

    /** The merchant's resend: due now, with a fresh retry window; its history stays. */
    public WebhookDelivery resent(Instant now) {
        return with(DeliveryState.PENDING, attempts, recentAttempts, now, null, null, deliveredAt, null);
    }

    private WebhookDelivery with(DeliveryState newState, int newAttempts, List<DeliveryAttempt> newRecent, Instant newNext, Instant newLease,
                                 Instant newFirst, Instant newDelivered, String newReason) {
        return new WebhookDelivery(subscriptionId, tenantId, eventId, eventType, shipmentId, payload, newState, newAttempts, newRecent,
                newNext, newLease, newFirst, newDelivered, newReason, createdAt);
    }
}
