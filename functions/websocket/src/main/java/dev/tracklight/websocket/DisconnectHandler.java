package dev.tracklight.websocket;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.ConnectionStore;

/** {@code $disconnect}: forget the connection (the TTL covers disconnects API Gateway never reports). */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** Warms the domain's and the SDK's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::all);

    private final ConnectionStore connections;

    public DisconnectHandler() {
        this(FunctionEnvironment.system());
    }

    public DisconnectHandler(FunctionEnvironment env) {
        this(new ConnectionStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME")));
    }

    public DisconnectHandler(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        connections.remove(event.getRequestContext().getConnectionId());
        return WebSocketResponses.status(200);
    }
}
