package dev.tracklight.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.invoke.LocalFunction;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's WebSocket API: {@code $connect} decides whether the handshake succeeds, messages are
 * routed by the route selection expression {@code $request.body.action} (falling back to {@code $default}),
 * {@code $disconnect} runs when either side closes, and {@code @connections} reaches live sockets.
 */
final class WebSocketApi {

    static final String CONNECTION_ID = "tracklight.connectionId";
    private static final String SELECTION_FIELD = "action";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, LocalFunction> routes;
    private final String stage;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    WebSocketApi(Map<String, LocalFunction> routes, String stage) {
        this.routes = Map.copyOf(routes);
        this.stage = stage;
    }

    /** Runs {@code $connect} before the upgrade; a non-2xx answer refuses the handshake with that status. */
    Optional<Integer> refuse(Context ctx) {
        String connectionId = newConnectionId();
        ctx.attribute(CONNECTION_ID, connectionId);
        LocalFunction connect = routes.get("$connect");
        if (connect == null) {
            return Optional.empty();
        }
        APIGatewayV2WebSocketEvent event = event("$connect", "CONNECT", connectionId, ctx.host());
        var query = new LinkedHashMap<String, String>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, String.join(",", values)));
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setHeaders(ctx.headerMap());
        try {
            APIGatewayV2WebSocketResponse response = connect.invoke(event);
            int status = response == null ? 200 : response.getStatusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of(status);
        } catch (RuntimeException e) {
            System.err.println("[websocket] $connect failed: " + e);
            return Optional.of(500);
        }
    }

    void opened(WsContext ws) {
        String connectionId = ws.attribute(CONNECTION_ID);
        connections.put(connectionId, new Connection(ws, Instant.now(), ws.host()));
    }

    void message(WsContext ws, String body) {
        String connectionId = ws.attribute(CONNECTION_ID);
        String routeKey = selectRoute(body);
        LocalFunction function = routes.get(routeKey);
        if (function == null) {
            ws.send("{\"message\": \"Forbidden\", \"connectionId\":\"" + connectionId + "\"}");
            return;
        }
        APIGatewayV2WebSocketEvent event = event(routeKey, "MESSAGE", connectionId, ws.host());
        event.setBody(body);
        try {
            function.invoke(event);
        } catch (RuntimeException e) {
            System.err.println("[websocket] " + routeKey + " failed: " + e);
            ws.send("{\"message\": \"Internal server error\", \"connectionId\":\"" + connectionId + "\"}");
        }
    }

    void closed(WsContext ws) {
        disconnect(ws.attribute(CONNECTION_ID));
    }

    /** Forgets the connection and runs {@code $disconnect}, once, whichever side closed first. */
    void disconnect(String connectionId) {
        Connection connection = connections.remove(connectionId);
        if (connection == null) {
            return;
        }
        connection.socket().closeSession();
        LocalFunction function = routes.get("$disconnect");
        if (function != null) {
            try {
                function.invoke(event("$disconnect", "DISCONNECT", connectionId, connection.host()));
            } catch (RuntimeException e) {
                System.err.println("[websocket] $disconnect failed: " + e);
            }
        }
    }

    /** A connection that is still open; one whose socket closed is gone, as API Gateway reports it. */
    Optional<Connection> connection(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId)).filter(connection -> connection.socket().session.isOpen());
    }

    /** Closes every socket, as API Gateway does on its own timeouts; each runs {@code $disconnect}. */
    void closeAll() {
        List.copyOf(connections.keySet()).forEach(this::disconnect);
    }

    private String selectRoute(String body) {
        try {
            Object parsed = Json.read(body, Object.class);
            if (parsed instanceof Map<?, ?> map && map.get(SELECTION_FIELD) instanceof String action && routes.containsKey(action)) {
                return action;
            }
        } catch (RuntimeException notJson) {
            // a body that is not JSON goes to $default, as in API Gateway
        }
        return "$default";
    }

    private APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId, String host) {
        var context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connectionId);
        context.setStage(stage);
        context.setApiId("local");
        context.setDomainName(host);
        context.setRequestId(UUID.randomUUID().toString());
        context.setMessageDirection("IN");
        context.setRequestTimeEpoch(Instant.now().toEpochMilli());
        context.setConnectedAt(connection(connectionId).map(c -> c.connectedAt().toEpochMilli()).orElse(Instant.now().toEpochMilli()));
        var event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }

    /** API Gateway connection ids are short, URL-safe and end in '='. */
    private static String newConnectionId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', '_').replace('+', '-');
    }

    record Connection(WsContext socket, Instant connectedAt, String host) {
    }
}
