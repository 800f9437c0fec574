package dev.tracklight.aws.queue;

import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Asks notify-consumers to send a new subscriber its confirmation (the double opt-in), off the request's path. */
public final class ConfirmationRequests {

    private final SqsClient sqs;
    private final String queueUrl;

    public ConfirmationRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message: the subscriber's token, which names the subscription and nothing of its address. */
    public record Request(String token) {
    }

    public void ask(String token) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(Json.write(new Request(token))));
    }
}
