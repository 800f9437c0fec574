package dev.tracklight.aws.queue;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events parked in the dead-letter queue after the processor failed them maxReceiveCount times:
 * listed for an operator, and replayed into the processing queue (body and attributes unchanged) once the
 * cause is fixed. Event ids are deterministic, so a replay of something already applied is a no-op.
 */
public final class DeadLetters {

    private static final int BATCH = 10;
    /** Long enough to move one batch; a crash mid-replay leaves the rest to reappear, never lost. */
    private static final int REPLAY_VISIBILITY_SECONDS = 30;

    private final SqsClient sqs;
    private final String deadLetterQueueUrl;
    private final String queueUrl;

    public DeadLetters(SqsClient sqs, String deadLetterQueueUrl, String queueUrl) {
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
        this.queueUrl = queueUrl;
    }

    /** One parked message as an operator sees it. */
    public record Parked(String messageId, String body, Map<String, String> attributes, int receiveCount, long sentAtMillis) {
    }

    /**
     * Up to {@code max} parked messages, left in place: they are received with a zero visibility timeout,
     * so listing hides nothing from a concurrent replay.
     */
    public List<Parked> list(int max) {
        Map<String, Parked> seen = new LinkedHashMap<>();
        for (int emptyOrRepeated = 0; seen.size() < max && emptyOrRepeated < 3; ) {
            List<Message> messages = receive(0);
            int before = seen.size();
            messages.forEach(message -> seen.putIfAbsent(message.messageId(), parked(message)));
            emptyOrRepeated = seen.size() == before ? emptyOrRepeated + 1 : 0;
        }
        return seen.values().stream().limit(max).toList();
    }

    /** Moves every parked message (or only those with the given ids) back to the processing queue. */
    public int replay(Set<String> onlyMessageIds) {
        int moved = 0;
        Set<String> skipped = new HashSet<>();
        for (List<Message> messages = receive(REPLAY_VISIBILITY_SECONDS); !messages.isEmpty(); messages = receive(REPLAY_VISIBILITY_SECONDS)) {
            boolean progress = false;
            for (Message message : messages) {
                if (!onlyMessageIds.isEmpty() && !onlyMessageIds.contains(message.messageId())) {
                    sqs.changeMessageVisibility(r -> r.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                    progress |= skipped.add(message.messageId());
                    continue;
                }
                // sent before it is deleted: a crash in between duplicates the message, which the processor absorbs
                sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(message.body()).messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(r -> r.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
                moved++;
                progress = true;
            }
            if (!progress) {
                break;
            }
        }
        return moved;
    }

    private List<Message> receive(int visibilityTimeout) {
        return sqs.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl).maxNumberOfMessages(BATCH).waitTimeSeconds(1)
                .visibilityTimeout(visibilityTimeout).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages();
    }

    private static Parked parked(Message message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
        var system = message.attributes();
        return new Parked(message.messageId(), message.body(), attributes,
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                Long.parseLong(system.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")));
    }
}
