package dev.tracklight.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.NotifyRequests;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.core.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * The queued work: each new subscriber's confirmation, moments held through quiet hours, looked at again, and
 * announcements replayed from the dead-letter queue (the bus parks there what the notifier could not handle). A send
 * that fails leaves its message to the queue's retries and then its dead-letter queue, where {@code ./tracklight dlq}
 * shows it.
 */
public final class NotifyQueueHandler extends EventHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry = Telemetry.forService("notify-consumers");
    private final ConsumerNotifier notifier;

    public NotifyQueueHandler() {
        this(FunctionEnvironment.system());
    }

    public NotifyQueueHandler(FunctionEnvironment env) {
        this(ConsumerNotifications.notifier(env, new AwsClients(env)));
    }

    public NotifyQueueHandler(ConsumerNotifier notifier) {
        super(SQSEvent.class);
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handle(SQSEvent batch, Context context) {
        return telemetry.around(context, Correlation.fresh(), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    java.util.Map<?, ?> body = Json.read(message.getBody(), java.util.Map.class);
                    if (body.get("detail") instanceof java.util.Map<?, ?> detail) {
                        // an announcement the bus parked in the dead-letter queue, replayed here by ./tracklight dlq
                        notifier.announce(String.valueOf(detail.get("shipmentId")));
                        continue;
                    }
                    NotifyRequests.Request request = Json.read(message.getBody(), NotifyRequests.Request.class);
                    if (NotifyRequests.HELD.equals(request.kind())) {
                        notifier.released(request.token());
                    } else {
                        notifier.sendConfirmation(request.token());
                    }
                } catch (RuntimeException failed) {
                    Telemetry.error("consumer message not sent", failed, "message_id", message.getMessageId());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        });
    }
}
