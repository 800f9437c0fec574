package dev.tracklight.push;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.bus.BusCorrelation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.push.ConnectionPusher;
import dev.tracklight.aws.push.ViewMessage;
import dev.tracklight.aws.store.ConnectionStore;
import dev.tracklight.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * EventBridge target for {@code ShipmentUpdated}: posts the new view to every live connection of the
 * shipment and forgets the connections API Gateway reports gone.
 */
public final class PushStatusHandler extends EventHandler<ScheduledEvent, Void> {

    private static final int PARALLELISM = 16;

    private final Telemetry telemetry = Telemetry.forService("push-status");
    private final ConnectionStore connections;
    private final ConnectionPusher pusher;
    private final Clock clock;

    public PushStatusHandler() {
        this(FunctionEnvironment.system());
    }

    public PushStatusHandler(FunctionEnvironment env) {
        this(new AwsClients(env), env.require("TABLE_NAME"));
    }

    private PushStatusHandler(AwsClients aws, String table) {
        this(new ConnectionStore(aws.dynamoDb(), table), new ConnectionPusher(aws.connections(), PARALLELISM));
    }

    public PushStatusHandler(ConnectionStore connections, ConnectionPusher pusher) {
        this(connections, pusher, Clock.systemUTC());
    }

    public PushStatusHandler(ConnectionStore connections, ConnectionPusher pusher, Clock clock) {
        super(ScheduledEvent.class);
        this.connections = connections;
        this.pusher = pusher;
        this.clock = clock;
    }

    @Override
    public Void handle(ScheduledEvent event, Context context) {
        return telemetry.around(context, BusCorrelation.of(event), () -> push(event));
    }

    private Void push(ScheduledEvent event) {
        Map<String, Object> detail = event.getDetail();
        String shipmentId = (String) detail.get("shipmentId");
        byte[] message = Json.write(new ViewMessage(detail.get("view"))).getBytes(StandardCharsets.UTF_8);
        var outcomes = pusher.postAll(connections.connectionsOf(shipmentId), message);
        outcomes.forEach((connectionId, outcome) -> {
            if (outcome == ConnectionPusher.Outcome.GONE) {
                connections.removeGone(connectionId, clock.instant());
            }
        });
        Map<ConnectionPusher.Outcome, Long> counted = outcomes.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), () -> new EnumMap<>(ConnectionPusher.Outcome.class), Collectors.counting()));
        long failed = counted.getOrDefault(ConnectionPusher.Outcome.FAILED, 0L);
        Telemetry.count("PushDelivered", counted.getOrDefault(ConnectionPusher.Outcome.DELIVERED, 0L));
        Telemetry.count("PushGone", counted.getOrDefault(ConnectionPusher.Outcome.GONE, 0L));
        Telemetry.count("PushFailed", failed);
        Telemetry.info("view pushed", "shipment_id", shipmentId, "connections", outcomes.size(), "failed", failed);
        if (failed > 0) {
            // Raising makes Lambda retry the event; clients ignore a view whose version they already show.
            throw new IllegalStateException(failed + " of " + outcomes.size() + " pushes failed for " + shipmentId);
        }
        return null;
    }
}
