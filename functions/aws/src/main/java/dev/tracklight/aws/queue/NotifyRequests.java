package dev.tracklight.aws.queue;

import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Work for notify-consumers that waits in its queue: a new subscriber's confirmation (the double opt-in), sent off
 * the request's path, and a moment held through the recipient's quiet hours, looked at again after a delay.
 */
public final class NotifyRequests {

    public static final String CONFIRM = "CONFIRM";
    public static final String HELD = "HELD";
    /** SQS delays a message by at most 15 minutes: a longer wait is a chain of them. */
    public static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public NotifyRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message: what to do, and the subscriber's token, which names the subscription and nothing of its address. */
    public record Request(String kind, String token) {
    }

    public void confirm(String token) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(Json.write(new Request(CONFIRM, token))));
    }

    public void hold(String token, int delaySeconds) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).delaySeconds(Math.min(delaySeconds, MAX_DELAY_SECONDS))
                .messageBody(Json.write(new Request(HELD, token))));
    }
}
