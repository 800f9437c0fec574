package dev.tracklight.aws.queue;

import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Asks the subscriber to subscribe a shipment at its source, to ask the source now, or to end its subscription. One small message per
 * shipment; the subscriber reads everything else from the table, so a message never carries a tenant's data.
 */
public final class SubscriptionRequests {

    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String END = "END";
    public static final String POLL = "POLL";
    public static final String REFRESH = "REFRESH";

    private final SqsClient sqs;
    private final String queueUrl;

    public SubscriptionRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message the subscriber reads. */
    public record Request(String shipmentId, String action) {
    }

    public void subscribe(String shipmentId) {
        send(new Request(shipmentId, SUBSCRIBE));
    }

    public void end(String shipmentId) {
        send(new Request(shipmentId, END));
    }

    /** The shipment's poll (or, for a push source, its safety-net check) is due. */
    public void poll(String shipmentId) {
        send(new Request(shipmentId, POLL));
    }

    /** The merchant asked: the source is asked now, even one that pushes. */
    public void refresh(String shipmentId) {
        send(new Request(shipmentId, REFRESH));
    }

    private void send(Request request) {
        sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(Json.write(request))
                .messageAttributes(CorrelationAttribute.with(java.util.Map.of())));
    }
}
