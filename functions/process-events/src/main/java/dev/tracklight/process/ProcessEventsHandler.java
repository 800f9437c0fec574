package dev.tracklight.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.CorrelationAttribute;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.aws.tracking.ShipmentTracker.NumberEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consumes queued carrier events in batches, grouped by tracking number. The messages that fail are
 * reported back (ReportBatchItemFailures) so only they are retried, and after the queue's maxReceiveCount
 * they are parked in the DLQ.
 */
public final class ProcessEventsHandler extends EventHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry = Telemetry.forService("process-events");
    private final ShipmentTracker tracker;

    public ProcessEventsHandler() {
        this(FunctionEnvironment.system());
    }

    public ProcessEventsHandler(FunctionEnvironment env) {
        this(ShipmentTracker.wire(env, new AwsClients(env)));
    }

    public ProcessEventsHandler(ShipmentTracker tracker) {
        super(SQSEvent.class);
        this.tracker = tracker;
    }

    @Override
    public SQSBatchResponse handle(SQSEvent batch, Context context) {
        return telemetry.around(context, null, () -> handle(batch));
    }

    private SQSBatchResponse handle(SQSEvent batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        QueuedEvents queued = QueuedEvents.of(batch);
        for (QueuedEvents.Unreadable unreadable : queued.unreadable()) {
            Telemetry.correlate(CorrelationAttribute.of(unreadable.message()));
            Telemetry.error("not a tracking event", unreadable.why(), "message_id", unreadable.message().getMessageId());
            Telemetry.count("EventsFailed", 1);
            failures.add(failure(unreadable.message()));
        }
        // one fold and one write per shipment, one announcement round for the batch; a failure fails only
        // the messages of the numbers it touched
        Map<NumberEvents, RuntimeException> failed = tracker.recordAll(List.copyOf(queued.byNumber().keySet()));
        queued.byNumber().forEach((number, messages) -> {
            List<String> correlationIds = messages.stream().map(CorrelationAttribute::of).distinct().toList();
            Telemetry.correlate(number.correlationId());
            RuntimeException why = failed.get(number);
            if (why == null) {
                Telemetry.count("EventsProcessed", messages.size());
                Telemetry.info("events recorded", "carrier", number.carrier(), "events", messages.size(), "correlation_ids", correlationIds);
            } else {
                Telemetry.count("EventsFailed", messages.size());
                Telemetry.error("events of one tracking number failed; retried", why, "carrier", number.carrier(), "events", messages.size(),
                        "correlation_ids", correlationIds);
                messages.forEach(message -> failures.add(failure(message)));
            }
        });
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }
}
