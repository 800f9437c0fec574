package dev.tracklight.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.ConfirmationRequests;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.core.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends each new subscriber its confirmation, one queued request each. A send that fails leaves its message to the
 * queue's retries and then its dead-letter queue, where {@code ./tracklight dlq} shows it.
 */
public final class ConfirmationsHandler extends EventHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry = Telemetry.forService("notify-consumers");
    private final ConsumerNotifier notifier;

    public ConfirmationsHandler() {
        this(FunctionEnvironment.system());
    }

    public ConfirmationsHandler(FunctionEnvironment env) {
        this(ConsumerNotifications.notifier(env, new AwsClients(env)));
    }

    public ConfirmationsHandler(ConsumerNotifier notifier) {
        super(SQSEvent.class);
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handle(SQSEvent batch, Context context) {
        return telemetry.around(context, Correlation.fresh(), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    notifier.sendConfirmation(Json.read(message.getBody(), ConfirmationRequests.Request.class).token());
                } catch (RuntimeException failed) {
                    Telemetry.error("confirmation not sent", failed, "message_id", message.getMessageId());
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            return new SQSBatchResponse(failures);
        });
    }
}
