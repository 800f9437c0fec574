package dev.tracklight.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.aws.bus.BusCorrelation;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.runtime.EventHandler;

/**
 * EventBridge target for {@code ShipmentUpdated} and {@code ShipmentDelayed}: tells the shipment's subscribers the
 * moment it reached. A send that fails raises, so EventBridge retries the announcement (moments told are not told again).
 */
public final class ShipmentMomentsHandler extends EventHandler<ScheduledEvent, Integer> {

    private final Telemetry telemetry = Telemetry.forService("notify-consumers");
    private final ConsumerNotifier notifier;

    public ShipmentMomentsHandler() {
        this(FunctionEnvironment.system());
    }

    public ShipmentMomentsHandler(FunctionEnvironment env) {
        this(ConsumerNotifications.notifier(env, new AwsClients(env)));
    }

    public ShipmentMomentsHandler(ConsumerNotifier notifier) {
        super(ScheduledEvent.class);
        this.notifier = notifier;
    }

    @Override
    public Integer handle(ScheduledEvent event, Context context) {
        return telemetry.around(context, BusCorrelation.of(event), () -> notifier.announce(String.valueOf(event.getDetail().get("shipmentId"))));
    }
}
