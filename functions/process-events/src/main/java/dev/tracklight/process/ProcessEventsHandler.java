package dev.tracklight.process;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes queued carrier events in batches. Each message is processed on its own; the ones that fail
 * are reported back (ReportBatchItemFailures) so only they are retried, and after the queue's
 * maxReceiveCount they are parked in the DLQ.
 */
public final class ProcessEventsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ShipmentTracker tracker;

    public ProcessEventsHandler() {
        this(FunctionEnvironment.system());
    }

    public ProcessEventsHandler(FunctionEnvironment env) {
        this(wire(env, new AwsClients(env)));
    }

    public ProcessEventsHandler(ShipmentTracker tracker) {
        this.tracker = tracker;
    }

    private static ShipmentTracker wire(FunctionEnvironment env, AwsClients aws) {
        return new ShipmentTracker(new ShipmentStore(aws.dynamoDb(), env.require("TABLE_NAME")),
                new ShipmentEvents(aws.eventBridge(), env.require("EVENT_BUS_NAME")), Clock.systemUTC());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            try {
                tracker.record(Json.read(message.getBody(), TrackingEvent.class));
            } catch (RuntimeException e) {
                context.getLogger().log("message " + message.getMessageId() + " failed: " + e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
