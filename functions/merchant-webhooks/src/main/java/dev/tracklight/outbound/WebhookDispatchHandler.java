package dev.tracklight.outbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.aws.bus.BusCorrelation;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;

/**
 * EventBridge target for {@code ShipmentUpdated}, {@code ShipmentDelayed} and {@code ShipmentBackOnTrack}:
 * creates the tenant's webhook deliveries and makes their first attempt. A failure to store raises, so
 * EventBridge retries the announcement (deliveries already made are found, not made twice).
 */
public final class WebhookDispatchHandler extends EventHandler<ScheduledEvent, Integer> {

    private final Telemetry telemetry = Telemetry.forService("webhook-dispatch");
    private final WebhookDispatcher dispatcher;

    public WebhookDispatchHandler() {
        this(FunctionEnvironment.system());
    }

    public WebhookDispatchHandler(FunctionEnvironment env) {
        this(MerchantWebhooks.dispatcher(env, new AwsClients(env)));
    }

    public WebhookDispatchHandler(WebhookDispatcher dispatcher) {
        super(ScheduledEvent.class);
        this.dispatcher = dispatcher;
    }

    @Override
    public Integer handle(ScheduledEvent event, Context context) {
        return telemetry.around(context, BusCorrelation.of(event), () -> dispatcher.dispatch(event.getDetailType(), event.getDetail()));
    }
}
