package dev.tracklight.aws.queue;

import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the subscriber to subscribe a shipment at its source, to ask the source now, or to end its subscription. One small message per
 * shipment; the subscriber reads everything else from the table, so a message never carries a tenant's data.
 */
public final class SubscriptionRequests {

    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String END = "END";
    public static final String POLL = "POLL";
    public static final String REFRESH = "REFRESH";

    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

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

    /**
     * These shipments' polls (or, for a push source, its safety-net checks) are due: sent ten to a request, each a journey of its own (its own correlation id), the
     * entries SQS refused sent again, twice at most.
     *
     * @return the shipments whose request was queued; the others are for the caller to hand over again
     */
    public List<String> pollAll(List<String> shipmentIds) {
        List<String> queued = new ArrayList<>();
        for (int from = 0; from < shipmentIds.size(); from += BATCH) {
            List<String> chunk = shipmentIds.subList(from, Math.min(shipmentIds.size(), from + BATCH));
            Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                pending.put(chunk.get(i), SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(new Request(chunk.get(i), POLL)))
                        .messageAttributes(CorrelationAttribute.carrying(Correlation.fresh())).build());
            }
            for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
                var entries = List.copyOf(pending.values());
                Set<String> failed = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed().stream()
                        .map(BatchResultErrorEntry::id).collect(Collectors.toSet());
                pending.entrySet().removeIf(entry -> {
                    boolean sent = !failed.contains(entry.getValue().id());
                    if (sent) {
                        queued.add(entry.getKey());
                    }
                    return sent;
                });
            }
        }
        return queued;
    }

    /** The merchant asked: the source is asked now, even one that pushes. */
    public void refresh(String shipmentId) {
        send(new Request(shipmentId, REFRESH));
    }

    private void send(Request request) {
        sqs.sendMessage(message -> message.queueUrl(queueUrl).messageBody(Json.write(request))
                .messageAttributes(CorrelationAttribute.with(Map.of())));
    }
}
