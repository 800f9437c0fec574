package dev.tracklight.subscribe;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.env.FunctionEnvironment;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed request is seen again: the source's {@code Retry-After} when it gave one, else exponential
 * (10 s, 20 s, 40 s … up to 15 min) with full jitter, so a source that comes back is not hit by every retry at
 * once. The delay is set on the message itself; SQS makes it visible again then.
 */
final class RetryBackoff {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofMinutes(15);

    private final SqsClient sqs;
    private final String queueUrl;
    private final int attempts;

    RetryBackoff(SqsClient sqs, String queueUrl, int attempts) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.attempts = attempts;
    }

    static RetryBackoff wire(FunctionEnvironment env, SqsClient sqs) {
        return new RetryBackoff(sqs, env.require("SUBSCRIPTIONS_QUEUE_URL"), Integer.parseInt(env.get("SUBSCRIPTION_ATTEMPTS").orElse("8")));
    }

    /** Whether this is the message's last receive before the queue parks it. */
    boolean lastAttempt(SQSEvent.SQSMessage message) {
        return receives(message) >= attempts;
    }

    void delay(SQSEvent.SQSMessage message, Optional<Duration> retryAfter) {
        Duration delay = retryAfter.map(asked -> asked.compareTo(MAX) > 0 ? MAX : asked).orElseGet(() -> jittered(receives(message)));
        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl).receiptHandle(message.getReceiptHandle())
                .visibilityTimeout((int) Math.max(1, delay.toSeconds())));
    }

    static Duration jittered(int receives) {
        long ceiling = Math.min(MAX.toSeconds(), BASE.toSeconds() << Math.min(Math.max(receives - 1, 0), 20));
        return Duration.ofSeconds(1 + ThreadLocalRandom.current().nextLong(ceiling));
    }

    private static int receives(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        return count == null || !count.matches("\\d{1,9}") ? 1 : Integer.parseInt(count);
    }
}
