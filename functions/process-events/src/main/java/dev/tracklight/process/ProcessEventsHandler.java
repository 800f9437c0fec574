package dev.tracklight.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.CorrelationAttribute;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.aws.tracking.ShipmentTracker.NumberEvents;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes queued carrier events in batches, grouped by tracking number. The messages that fail are
 * reported back (ReportBatchItemFailures) so only they are retried, and after the queue's maxReceiveCount
 * they are parked in the DLQ.
 */
public final class ProcessEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Warms the domain's and the SDK's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::all);

    private final Telemetry telemetry = Telemetry.forService("process-events");
    private final ShipmentTracker tracker;

    public ProcessEventsHandler() {
        this(FunctionEnvironment.system());
    }

    public ProcessEventsHandler(FunctionEnvironment env) {
        this(ShipmentTracker.wire(env, new AwsClients(env)));
    }

    public ProcessEventsHandler(ShipmentTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return telemetry.around(context, null, () -> handle(batch));
    }

    private SQSBatchResponse handle(SQSEvent batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Map<EventStream, List<SQSEvent.SQSMessage>> byTrackingNumber = new LinkedHashMap<>();
        Map<String, TrackingEvent> parsed = new HashMap<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            try {
                TrackingEvent event = Json.read(message.getBody(), TrackingEvent.class);
                parsed.put(message.getMessageId(), event);
                String tenant = tenantOf(message);
                byTrackingNumber.computeIfAbsent(new EventStream(event.carrier(), event.trackingNumber(), tenant), key -> new ArrayList<>()).add(message);
            } catch (RuntimeException e) {
                Telemetry.correlate(CorrelationAttribute.of(message));
                Telemetry.error("not a tracking event", e, "message_id", message.getMessageId());
                Telemetry.count("EventsFailed", 1);
                failures.add(failure(message));
            }
        }
        // One fold and one write per shipment per batch, one announcement round for the batch; a failure
        // fails only the messages of the numbers it touched.
        List<NumberEvents> numbers = new ArrayList<>();
        Map<NumberEvents, List<SQSEvent.SQSMessage>> messagesOf = new HashMap<>();
        byTrackingNumber.forEach((stream, messages) -> {
            NumberEvents number = new NumberEvents(stream.carrier(), stream.trackingNumber(), stream.tenantId(),
                    messages.stream().map(message -> parsed.get(message.getMessageId())).toList(), CorrelationAttribute.of(messages.getLast()));
            numbers.add(number);
            messagesOf.put(number, messages);
        });
        Map<NumberEvents, RuntimeException> failed = tracker.recordAll(numbers);
        for (NumberEvents number : numbers) {
            List<SQSEvent.SQSMessage> messages = messagesOf.get(number);
            // each change is announced under its newest webhook's id; the line names every one folded in
            List<String> correlationIds = messages.stream().map(CorrelationAttribute::of).distinct().toList();
            Telemetry.correlate(correlationIds.getLast());
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
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The events of one tracking number as received through one tenant's endpoint (tenant null: platform-wide). */
    private record EventStream(String carrier, String trackingNumber, String tenantId) {
    }

    private static String tenantOf(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var tenant = attributes == null ? null : attributes.get(EventQueue.TENANT_ATTRIBUTE);
        return tenant == null ? null : tenant.getStringValue();
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }
}
