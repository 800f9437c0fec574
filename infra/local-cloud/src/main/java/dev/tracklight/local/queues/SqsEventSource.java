package dev.tracklight.local.queues;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.local.invoke.LocalFunction;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The SQS event source mapping of one function: long-polls the queue, invokes the handler with an
 * {@link SQSEvent}, deletes what succeeded and, honouring {@code ReportBatchItemFailures}, leaves the
 * failed messages on the queue so the queue's redrive policy parks them in the DLQ after
 * {@code maxReceiveCount} receives.
 *
 * <p>Like Lambda, it runs several batches at once (Lambda starts an SQS source at five concurrent batches),
 * so the processor's optimistic concurrency is exercised locally too.
 *
 * <p>Local deviation: a failed message becomes visible again after {@link #RETRY_DELAY} instead of the
 * queue's full visibility timeout, so retries and redrive are observable in seconds.
 */
public final class SqsEventSource implements AutoCloseable {

    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final int batchSize;
    private final LocalFunction function;
    private final List<Thread> pollers;
    private volatile boolean running = true;
    private final AtomicLong failures = new AtomicLong();

    public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, String region, int batchSize, int concurrency,
                          LocalFunction function) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.batchSize = batchSize;
        this.function = function;
        this.pollers = java.util.stream.IntStream.range(0, concurrency)
                .mapToObj(i -> Thread.ofPlatform().name("sqs-" + function.name() + "-" + i).start(this::poll))
                .toList();
    }

    private void poll() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("[sqs " + function.name() + "] " + e);
                    pause();
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        Set<String> failed;
        try {
            SQSBatchResponse response = function.invoke(event(messages));
            failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            System.err.println("[sqs " + function.name() + "] invocation failed, the whole batch is retried: " + e);
            failed = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        }
        failures.addAndGet(failed.size());
        for (Message message : messages) {
            if (failed.contains(message.messageId())) {
                sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                        .receiptHandle(message.receiptHandle()).visibilityTimeout((int) RETRY_DELAY.toSeconds()));
            } else {
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** Messages that failed and were made visible again for a retry, since the start. */
    public long failures() {
        return failures.get();
    }

    private SQSEvent event(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> {
                SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
                attribute.setDataType(value.dataType());
                attribute.setStringValue(value.stringValue());
                messageAttributes.put(name, attribute);
            });
            record.setMessageAttributes(messageAttributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(region);
            return record;
        }).toList());
        return event;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            for (Thread poller : pollers) {
                poller.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
