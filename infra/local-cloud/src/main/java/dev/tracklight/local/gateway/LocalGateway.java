package dev.tracklight.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.local.invoke.LocalFunction;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * API Gateway on 127.0.0.1: the HTTP API routes, the WebSocket API on {@code /{stage}}, the
 * {@code @connections} management API on {@code /{stage}/@connections/{id}}, and the tracking page at
 * {@code /t/{token}}, an order's {@code /o/{token}} and the order search {@code /o?shop=} (served from tracking-web/).
 */
public final class LocalGateway implements AutoCloseable {

    /** API Gateway's limits: 10 MB HTTP payload, 128 KB WebSocket message, 10-minute idle timeout. */
    private static final long MAX_HTTP_PAYLOAD = 10L * 1024 * 1024;
    private static final int MAX_WEBSOCKET_MESSAGE = 128 * 1024;
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);
    private static final String PAGE = "/tracking-web/";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "html", "text/html; charset=utf-8");

    private final Javalin app;
    private final WebSocketApi webSocket;
    private final String stage;
    private final String tileUrl;

    /** @param tileUrl map tiles for the page, {@code https://host/{z}/{x}/{y}.png}, or null for the route alone */
    public LocalGateway(int port, String stage, List<HttpRoute> routes, Map<String, LocalFunction> webSocketRoutes, String tileUrl) {
        this.stage = stage;
        this.tileUrl = tileUrl;
        this.webSocket = new WebSocketApi(webSocketRoutes, stage);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_HTTP_PAYLOAD;
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setIdleTimeout(IDLE_TIMEOUT);
                factory.setMaxTextMessageSize(MAX_WEBSOCKET_MESSAGE);
            });
            for (HttpRoute route : routes) {
                config.routes.addHttpHandler(io.javalin.http.HandlerType.findOrCreate(route.method()), route.path(),
                        ctx -> invoke(route, ctx));
            }
            config.routes.wsBeforeUpgrade("/" + stage, ctx -> webSocket.refuse(ctx).ifPresent(status -> {
                throw new HttpResponseException(status, "connection refused by $connect");
            }));
            config.routes.ws("/" + stage, ws -> {
                ws.onConnect(webSocket::opened);
                ws.onMessage(ctx -> webSocket.message(ctx, ctx.message()));
                ws.onClose(webSocket::closed);
            });
            config.routes.post("/" + stage + "/@connections/{id}", this::postToConnection);
            config.routes.get("/" + stage + "/@connections/{id}", this::getConnection);
            config.routes.delete("/" + stage + "/@connections/{id}", this::deleteConnection);
            // Local-only test hook (no AWS counterpart): drop every socket as API Gateway does at its limits.
            config.routes.post("/_local/websocket/drop", ctx -> {
                dropAllConnections();
                ctx.status(204);
            });
            config.routes.get("/t/assets/{file}", ctx -> serveAsset(ctx, "assets/" + ctx.pathParam("file")));
            config.routes.get("/t/config.json", this::pageConfig);
            config.routes.get("/t/{token}", ctx -> serveAsset(ctx, "index.html"));
            config.routes.get("/o/{token}", ctx -> serveAsset(ctx, "index.html"));
            config.routes.get("/o", ctx -> serveAsset(ctx, "index.html"));
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    ctx.json(Map.of("message", "Not Found"));
                }
            });
        }).start("127.0.0.1", port);
    }

    public URI httpEndpoint() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    public URI webSocketEndpoint() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/" + stage);
    }

    /** What functions use as {@code AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI}. */
    public URI connectionsEndpoint() {
        return URI.create(httpEndpoint() + "/" + stage);
    }

    /** Drops every WebSocket as API Gateway does at its 2-hour limit; clients must reconnect. */
    public void dropAllConnections() {
        webSocket.closeAll();
    }

    private void invoke(HttpRoute route, Context ctx) {
        APIGatewayV2HTTPResponse response;
        try {
            response = route.function().invoke(HttpApiEvents.of(route, ctx, "$default"));
        } catch (RuntimeException e) {
            System.err.println("[http] " + route.routeKey() + " failed: " + e);
            e.printStackTrace();
            ctx.status(500).json(Map.of("message", "Internal Server Error"));
            return;
        }
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(ctx::header);
        }
        if (response.getBody() != null) {
            ctx.result(response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void postToConnection(Context ctx) {
        byte[] data = ctx.bodyAsBytes();
        if (data.length > MAX_WEBSOCKET_MESSAGE) {
            managementError(ctx, 413, "PayloadTooLargeException", "message exceeds 128 KB");
            return;
        }
        webSocket.connection(ctx.pathParam("id")).ifPresentOrElse(connection -> {
            connection.socket().send(new String(data, StandardCharsets.UTF_8));
            ctx.status(200);
        }, () -> managementError(ctx, 410, "GoneException", "connection is gone"));
    }

    private void getConnection(Context ctx) {
        webSocket.connection(ctx.pathParam("id")).ifPresentOrElse(connection -> ctx.json(Map.of(
                        "connectedAt", connection.connectedAt().toString(),
                        "identity", Map.of("sourceIp", "127.0.0.1"),
                        "lastActiveAt", connection.connectedAt().toString())),
                () -> managementError(ctx, 410, "GoneException", "connection is gone"));
    }

    private void deleteConnection(Context ctx) {
        webSocket.connection(ctx.pathParam("id")).ifPresentOrElse(connection -> {
            webSocket.disconnect(ctx.pathParam("id"));
            ctx.status(204);
        }, () -> managementError(ctx, 410, "GoneException", "connection is gone"));
    }

    /** The error shape of the management API; the SDK maps it by {@code x-amzn-ErrorType}. */
    private static void managementError(Context ctx, int status, String type, String message) {
        ctx.status(status).header("x-amzn-ErrorType", type).json(Map.of("message", message));
    }

    private void pageConfig(Context ctx) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("apiBaseUrl", httpEndpoint().toString());
        config.put("webSocketUrl", webSocketEndpoint().toString());
        if (tileUrl != null) {
            config.put("tileUrl", tileUrl);
        }
        ctx.header("Cache-Control", "no-store").json(config);
    }

    /** Images from this origin, the tile server and https (merchants' logos); scripts, styles and connections from our own. */
    private String contentSecurityPolicy() {
        String tiles = tileUrl == null ? "" : " " + URI.create(tileUrl.replaceAll("[{}]", "")).resolve("/").toString().replaceAll("/$", "");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:" + tiles
                + "; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    private void serveAsset(Context ctx, String name) throws IOException {
        if (name.contains("..")) {
            ctx.status(404);
            return;
        }
        try (InputStream in = LocalGateway.class.getResourceAsStream(PAGE + name)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            ctx.contentType(MEDIA_TYPES.getOrDefault(extension, "application/octet-stream"))
                    .header("Content-Security-Policy", contentSecurityPolicy())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .result(in.readAllBytes());
        }
    }

    @Override
    public void close() {
        webSocket.closeAll();
        app.stop();
    }
}
