package dev.tracklight.outbound;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookDeliveryStore.DeliveryKey;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.core.outbound.DeliveryAttempt;
import dev.tracklight.core.outbound.RetrySchedule;
import dev.tracklight.core.outbound.WebhookDelivery;
import dev.tracklight.core.webhook.WebhookSignature;
import dev.tracklight.core.outbound.WebhookSubscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Makes one attempt at each due delivery: claims it for a lease (so no other sender posts it meanwhile),
 * signs and posts it, then records the outcome on the delivery (delivered, due again, failed for good) and
 * on its subscription (failure count, disabled when failing for too long).
 */
public final class WebhookSender {

    /** Longer than a post can take (connect + answer), so a live sender's lease never runs out under it. */
    static final Duration LEASE = HttpWebhookTransport.TIMEOUT.plus(HttpWebhookTransport.CONNECT_TIMEOUT).multipliedBy(2);
    /** Receivers posted to at once by one sender. */
    private static final int PARALLELISM = 16;

    /** What became of one due delivery. */
    public enum Outcome {
        DELIVERED, RETRYING, FAILED, ABANDONED, NOT_DUE,
        /** Not attempted: the run's time was up; it stays due for the next run. */
        DEFERRED
    }

    private final WebhookDeliveryStore deliveries;
    private final WebhookSubscriptionStore subscriptions;
    private final WebhookTransport transport;
    private final RetrySchedule schedule;
    private final Clock clock;

    public WebhookSender(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookTransport transport,
                         RetrySchedule schedule, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.transport = transport;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Attempts these deliveries, {@value #PARALLELISM} at a time.
     *
     * @param known subscriptions already read by the caller, by id; others are read once per call
     */
    public Map<Outcome, Integer> attemptAll(List<DeliveryKey> keys, Map<String, WebhookSubscription> known, Deadline deadline) {
        Map<String, Optional<WebhookSubscription>> cache = new ConcurrentHashMap<>();
        known.forEach((id, subscription) -> cache.put(id, Optional.of(subscription)));
        Semaphore slots = new Semaphore(PARALLELISM);
        List<Future<Outcome>> running = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (DeliveryKey key : keys) {
                running.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return deadline.passed() ? Outcome.DEFERRED : attempt(key, cache);
                    } finally {
                        slots.release();
                    }
                }));
            }
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            for (Future<Outcome> outcome : running) {
                outcomes.merge(outcome.get(), 1, Integer::sum);
            }
            // counted here, on the invocation's thread: the attempts ran on threads of their own
            outcomes.forEach((outcome, count) -> Telemetry.count("OutboundWebhooks", count, "outcome", outcome.name().toLowerCase(Locale.ROOT)));
            Telemetry.info("webhook deliveries attempted", "outcomes", outcomes.toString());
            return outcomes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering webhooks", e);
        }
    }

    private Outcome attempt(DeliveryKey key, Map<String, Optional<WebhookSubscription>> cache) {
        Instant now = clock.instant();
        Optional<WebhookDelivery> claimed = deliveries.change(key.subscriptionId(), key.eventId(), delivery -> delivery.claimed(now, LEASE));
        if (claimed.isEmpty()) {
            return Outcome.NOT_DUE;
        }
        WebhookDelivery delivery = claimed.get();
        Optional<WebhookSubscription> subscription = cache.computeIfAbsent(key.subscriptionId(),
                id -> subscriptions.find(delivery.tenantId(), id));
        if (subscription.isEmpty() || !subscription.get().isActive()) {
            String reason = subscription.isEmpty() ? "the subscription was deleted" : "the subscription is disabled";
            deliveries.change(key.subscriptionId(), key.eventId(), current -> Optional.of(current.abandoned(reason)));
            return Outcome.ABANDONED;
        }
        DeliveryAttempt attempt = post(subscription.get(), delivery, now);
        WebhookDelivery after = deliveries.change(key.subscriptionId(), key.eventId(),
                current -> Optional.of(current.after(attempt, schedule))).orElseThrow();
        subscriptions.change(delivery.tenantId(), key.subscriptionId(),
                current -> attempt.succeeded() ? current.afterSuccess(clock.instant()) : Optional.of(current.afterFailure(clock.instant())));
        return switch (after.state()) {
            case DELIVERED -> Outcome.DELIVERED;
            case PENDING -> Outcome.RETRYING;
            case FAILED -> Outcome.FAILED;
        };
    }

    private DeliveryAttempt post(WebhookSubscription subscription, WebhookDelivery delivery, Instant now) {
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = Map.of(
                WebhookSignature.EVENT_ID_HEADER, delivery.eventId(),
                WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType().wireName(),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(subscription.secret(), timestamp, delivery.payload()),
                WebhookSignature.ATTEMPT_HEADER, Integer.toString(delivery.attempts() + 1));
        return transport.post(subscription.url(), headers, delivery.payload(), now);
    }
}
