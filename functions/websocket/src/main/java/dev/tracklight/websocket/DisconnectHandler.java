package dev.tracklight.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.store.ConnectionStore;

/** {@code $disconnect}: forget the connection (the TTL covers disconnects API Gateway never reports). */
public final class DisconnectHandler extends EventHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionStore connections;

    public DisconnectHandler() {
        this(FunctionEnvironment.system());
    }

    public DisconnectHandler(FunctionEnvironment env) {
        this(new ConnectionStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME")));
    }

    public DisconnectHandler(ConnectionStore connections) {
        super(APIGatewayV2WebSocketEvent.class);
        this.connections = connections;
    }

    @Override
    public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
        connections.remove(event.getRequestContext().getConnectionId());
        return WebSocketResponses.status(200);
    }
}
