package dev.tracklight.aws.queue;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hands canonical events to the processing queue, one message per event so failures stay per event. */
public final class EventQueue {

    /** SQS takes at most ten entries per batch call. */
    private static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;

    public EventQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** The message attribute naming the tenant whose endpoint received the event (absent: platform-wide). */
    public static final String TENANT_ATTRIBUTE = "tenantId";

    /**
     * Returns only when every event is durably queued; throws otherwise, so the webhook is not acknowledged
     * and the sender retries. Entries SQS refused are sent again before giving up.
     *
     * @param tenantId the tenant whose endpoint received the events, or null for a platform-wide endpoint
     */
    public void sendAll(List<TrackingEvent> events, String tenantId) {
        Map<String, MessageAttributeValue> attributes = CorrelationAttribute.with(tenantId == null ? Map.of()
                : Map.of(TENANT_ATTRIBUTE, MessageAttributeValue.builder().dataType("String").stringValue(tenantId).build()));
        for (int from = 0; from < events.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
            List<TrackingEvent> chunk = events.subList(from, Math.min(events.size(), from + BATCH));
            for (int i = 0; i < chunk.size(); i++) {
                pending.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(chunk.get(i))).messageAttributes(attributes).build());
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                var entries = List.copyOf(pending);
                var failed = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries)).failed();
                if (!failed.isEmpty() && attempt == ATTEMPTS) {
                    throw new QueueUnavailableException(failed.size() + " events were not queued: " + failed.get(0).message());
                }
                var failedIds = failed.stream().map(f -> f.id()).toList();
                pending.removeIf(entry -> !failedIds.contains(entry.id()));
            }
        }
    }

    public static final class QueueUnavailableException extends RuntimeException {
        public QueueUnavailableException(String message) {
            super(message);
        }
    }
}
