package dev.tracklight.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.CorrelationAttribute;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.tracking.CarrierSubscriber;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.json.Json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscribes registered shipments at their sources, one queued request each. A source that cannot answer leaves
 * the request to be retried after a backoff with jitter (or the source's {@code Retry-After}); the last attempt
 * marks the subscription FAILED before the queue parks the request in its DLQ.
 */
public final class SubscribeCarriersHandler extends EventHandler<SQSEvent, SQSBatchResponse> {

    private final Telemetry telemetry = Telemetry.forService("subscribe-carriers");
    private final CarrierSubscriber subscriber;
    private final RetryBackoff backoff;

    public SubscribeCarriersHandler() {
        this(FunctionEnvironment.system());
    }

    public SubscribeCarriersHandler(FunctionEnvironment env) {
        this(env, new AwsClients(env));
    }

    private SubscribeCarriersHandler(FunctionEnvironment env, AwsClients aws) {
        this(Subscribers.wire(env, aws), RetryBackoff.wire(env, aws.sqs()));
    }

    public SubscribeCarriersHandler(CarrierSubscriber subscriber, RetryBackoff backoff) {
        super(SQSEvent.class);
        this.subscriber = subscriber;
        this.backoff = backoff;
    }

    @Override
    public SQSBatchResponse handle(SQSEvent batch, Context context) {
        return telemetry.around(context, Correlation.fresh(), () -> handle(batch));
    }

    private SQSBatchResponse handle(SQSEvent batch) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            Telemetry.correlate(CorrelationAttribute.of(message));
            SubscriptionRequests.Request request;
            try {
                request = Json.read(message.getBody(), SubscriptionRequests.Request.class);
            } catch (RuntimeException unreadable) {
                Telemetry.error("not a subscription request", unreadable, "message_id", message.getMessageId());
                Telemetry.count("SubscriptionRequests", 1, "action", "unreadable", "outcome", "failed");
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            String action = request.action() == null ? SubscriptionRequests.SUBSCRIBE : request.action();
            try {
                if (SubscriptionRequests.END.equals(request.action())) {
                    subscriber.end(request.shipmentId());
                } else if (SubscriptionRequests.POLL.equals(request.action()) || SubscriptionRequests.REFRESH.equals(request.action())) {
                    subscriber.poll(request.shipmentId(), SubscriptionRequests.REFRESH.equals(request.action()));
                } else {
                    subscriber.subscribe(request.shipmentId());
                }
                Telemetry.count("SubscriptionRequests", 1, "action", action, "outcome", "done");
                Telemetry.info("subscription request done", "action", action, "shipment_id", request.shipmentId());
            } catch (SourceUnavailable e) {
                Telemetry.count("SubscriptionRequests", 1, "action", action, "outcome", "source-unavailable");
                Telemetry.warn("source unavailable; retried later", "action", action, "shipment_id", request.shipmentId(), "why", e.getMessage());
                retryLater(message, request, e.getMessage(), e.retryAfter());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } catch (RuntimeException e) {
                // the table, the queue or the credentials: this request alone is retried, the batch goes on
                Telemetry.count("SubscriptionRequests", 1, "action", action, "outcome", "failed");
                Telemetry.error("subscription request failed", e, "action", action, "shipment_id", request.shipmentId());
                retryLater(message, request, "Tracklight could not complete the request: " + e.getMessage(), Optional.empty());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Sets the request's backoff; on its last attempt, the subscription says why before the queue parks it. */
    private void retryLater(SQSEvent.SQSMessage message, SubscriptionRequests.Request request, String why, Optional<Duration> retryAfter) {
        try {
            if (backoff.lastAttempt(message)) {
                subscriber.failed(request.shipmentId(), why);
            }
            backoff.delay(message, retryAfter);
        } catch (RuntimeException alsoFailed) {
            // the queue's own visibility timeout then retries it, and its DLQ still keeps it
        }
    }
}
