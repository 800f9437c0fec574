package dev.tracklight.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.store.ConnectionStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.model.Status;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $connect}: only the token of a tracked (not expired) shipment opens a socket; the connection is remembered under its
 * shipment with a TTL of API Gateway's two-hour maximum.
 */
public final class ConnectHandler extends EventHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ShipmentStore shipments;
    private final ConnectionStore connections;
    private final Clock clock;
    private final Telemetry telemetry = Telemetry.forService("websocket-connect");

    public ConnectHandler() {
        this(FunctionEnvironment.system());
    }

    public ConnectHandler(FunctionEnvironment env) {
        this(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME"));
    }

    private ConnectHandler(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        this(new ShipmentStore(dynamo, table), new ConnectionStore(dynamo, table), Clock.systemUTC());
    }

    public ConnectHandler(ShipmentStore shipments, ConnectionStore connections, Clock clock) {
        super(APIGatewayV2WebSocketEvent.class);
        this.shipments = shipments;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        return telemetry.around(context, event.getRequestContext().getConnectionId(), () -> connect(event));
    }

    private APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event) {
        Optional<String> token = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("token"));
        var shipment = token.flatMap(shipments::findByToken);
        if (shipment.isEmpty() || shipment.get().status() == Status.EXPIRED) {
            // unknown and expired links are refused alike: the page then shows its own message from the API
            Telemetry.info("connection refused", "token_given", token.isPresent());
            return WebSocketResponses.status(token.isEmpty() ? 401 : 403);
        }
        connections.add(event.getRequestContext().getConnectionId(), shipment.get().shipmentId(), clock.instant());
        Telemetry.info("connected", "shipment_id", shipment.get().shipmentId());
        return WebSocketResponses.status(200);
    }
}
