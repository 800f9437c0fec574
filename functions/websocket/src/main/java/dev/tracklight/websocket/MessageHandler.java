package dev.tracklight.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.push.ConnectionPusher;
import dev.tracklight.aws.push.ViewMessage;
import dev.tracklight.aws.store.ConnectionStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.tracking.PublicViews;
import dev.tracklight.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@code subscribe}, {@code ping} and {@code $default} routes. {@code subscribe} answers with the
 * current view, so a client that (re)connects is up to date before the next push.
 */
public final class MessageHandler extends EventHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ShipmentStore shipments;
    private final PublicViews views;
    private final ConnectionStore connections;
    private final ConnectionPusher pusher;
    private final Telemetry telemetry = Telemetry.forService("websocket-message");

    public MessageHandler() {
        this(FunctionEnvironment.system());
    }

    public MessageHandler(FunctionEnvironment env) {
        this(new AwsClients(env), env.require("TABLE_NAME"));
    }

    private MessageHandler(AwsClients aws, String table) {
        this(new ShipmentStore(aws.dynamoDb(), table), new TimelineStore(aws.dynamoDb(), table, Clock.systemUTC()), new SubscriptionStore(aws.dynamoDb(), table),
                new ConnectionStore(aws.dynamoDb(), table),
                new ConnectionPusher(aws.connections(), 1));
    }

    public MessageHandler(ShipmentStore shipments, TimelineStore timeline, SubscriptionStore subscriptions, ConnectionStore connections,
                          ConnectionPusher pusher) {
        super(APIGatewayV2WebSocketEvent.class);
        this.shipments = shipments;
        this.views = new PublicViews(timeline, subscriptions);
        this.connections = connections;
        this.pusher = pusher;
    }

    @Override
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        // a page's connection is its journey: the id joins its connect, its messages and its pushes' lines
        return telemetry.around(context, event.getRequestContext().getConnectionId(), () -> answer(event));
    }

    private APIGatewayV2WebSocketResponse answer(APIGatewayV2WebSocketEvent event) {
        String connectionId = event.getRequestContext().getConnectionId();
        Object reply = switch (event.getRequestContext().getRouteKey()) {
            case "subscribe" -> connections.shipmentOf(connectionId)
                    .flatMap(shipments::get)
                    .<Object>map(shipment -> new ViewMessage(views.of(shipment)))
                    .orElse(new Notice("error", "this connection is not subscribed to a shipment"));
            case "ping" -> new Notice("pong", null);
            default -> new Notice("error", "unknown action; send {\"action\":\"subscribe\"} or {\"action\":\"ping\"}");
        };
        var outcome = pusher.post(connectionId, Json.write(reply).getBytes(StandardCharsets.UTF_8));
        Telemetry.info("answered", "route", event.getRequestContext().getRouteKey(), "reply", reply instanceof Notice notice ? notice.type() : "view",
                "outcome", outcome);
        return WebSocketResponses.status(200);
    }

    /** A short message that is not a view. */
    public record Notice(String type, String message) {
    }
}
