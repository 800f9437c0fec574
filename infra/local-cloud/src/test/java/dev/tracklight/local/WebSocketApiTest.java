package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WebSocket API and its @connections endpoint, driven by the JDK's client and the real SDK client. */
class WebSocketApiTest {

    private static final Duration TIMEOUT = SharedCloud.JOURNEY;

    @Test
    void connectRefusesAnUnknownOrMissingToken() throws Exception {
        URI endpoint = SharedCloud.get().webSocketEndpoint();

        assertThat(handshakeStatus(URI.create(endpoint + "?token=not-a-token"))).isEqualTo(403);
        assertThat(handshakeStatus(URI.create(endpoint + "?token=" + "t".repeat(3000)))).as("longer than any key").isEqualTo(403);
        assertThat(handshakeStatus(endpoint)).isEqualTo(401);
    }

    @Test
    void connectRefusesTheTokenOfAnExpiredShipment() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", number));
        SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                SharedCloud.webhook("ups", number, "EXPIRED", "EXP", "2026-11-21T08:00:00Z", "Tracking ended"));
        awaitUntil(() -> "EXPIRED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));

        assertThat(handshakeStatus(URI.create(SharedCloud.get().webSocketEndpoint() + "?token=" + token))).isEqualTo(403);
    }

    @Test
    void pingIsAnsweredAndAnUnknownActionGetsAnError() throws Exception {
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber()));
        try (WebSocketClient client = WebSocketClient.connect(SharedCloud.get().webSocketEndpoint(), token)) {
            client.send("ping");
            // answers are awaited by type: the registration's view may be pushed to the page meanwhile
            assertThat(client.await(m -> "pong".equals(m.get("type")), TIMEOUT)).containsEntry("type", "pong");

            client.send("dance");
            assertThat(client.await(m -> "error".equals(m.get("type")), TIMEOUT)).containsEntry("message",
                    "unknown action; send {\"action\":\"subscribe\"} or {\"action\":\"ping\"}");
        }
    }

    @Test
    void connectionsAreStoredWithATtlAndForgottenOnDisconnect() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        Map<?, ?> shipment = SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber());
        String shipmentId = (String) shipment.get("id");
        String token = SharedCloud.tokenOf(shipment);
        WebSocketClient client = WebSocketClient.connect(cloud.webSocketEndpoint(), token);
        var stored = connectionItems(shipmentId);
        assertThat(stored).hasSize(1);
        long ttl = Long.parseLong(stored.getFirst().get("ttl").n());
        long now = System.currentTimeMillis() / 1000;
        assertThat(ttl).as("epoch seconds, at most two hours ahead").isBetween(now + 7_000, now + 7_201);

        client.close();
        client.closed().get(5, TimeUnit.SECONDS);

        awaitUntil(() -> connectionItems(shipmentId).isEmpty());
    }

    @Test
    void theManagementApiReachesLiveConnectionsAndReportsGoneOnes() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        Map<?, ?> shipment = SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber());
        String shipmentId = (String) shipment.get("id");
        try (WebSocketClient client = WebSocketClient.connect(cloud.webSocketEndpoint(), SharedCloud.tokenOf(shipment));
             ApiGatewayManagementApiClient management = ApiGatewayManagementApiClient.builder()
                     .region(Region.US_EAST_1)
                     .endpointOverride(URI.create(cloud.environmentOf("PushStatusFunction").get("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")))
                     .build()) {
            String connectionId = connectionItems(shipmentId).getFirst().get("connectionId").s();

            management.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String("{\"type\":\"hello\"}")));
            // (the registration's own view may arrive first: the page was admitted before push-status ran)
            assertThat(client.await(m -> "hello".equals(m.get("type")), TIMEOUT)).containsEntry("type", "hello");
            assertThat(management.getConnection(r -> r.connectionId(connectionId)).connectedAt()).isNotNull();

            management.deleteConnection(r -> r.connectionId(connectionId));
            client.closed().get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> management.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOf(GoneException.class);
        }
    }

    @Test
    void aDroppedClientReconnectsAndGetsTheCurrentState() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", number));
        WebSocketClient first = WebSocketClient.connect(cloud.webSocketEndpoint(), token);
        first.close();
        first.closed().get(5, TimeUnit.SECONDS);

        // while nobody listens, the shipment moves on
        SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                SharedCloud.webhook("ups", number, "IN_TRANSIT", "AR", "2026-11-21T08:00:00Z", "Arrived at facility"));
        awaitUntil(() -> "IN_TRANSIT".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));

        try (WebSocketClient again = WebSocketClient.connect(cloud.webSocketEndpoint(), token)) {
            again.send("subscribe");
            Map<String, Object> view = again.await(m -> "view".equals(m.get("type")), TIMEOUT);
            assertThat(view.get("view")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", "IN_TRANSIT");
        }
    }

    private static int handshakeStatus(URI uri) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new java.net.http.WebSocket.Listener() {
            }).join().abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private static java.util.List<Map<String, AttributeValue>> connectionItems(String shipmentId) throws Exception {
        return SharedCloud.get().dynamoDb().query(request -> request.tableName(SharedCloud.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SHP#" + shipmentId), ":prefix", AttributeValue.fromS("CONN#")))
                .consistentRead(true)).items();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitUntil(Check check) throws Exception {
        awaitUntil(check, TIMEOUT);
    }

    static void awaitUntil(Check check, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached within " + timeout);
    }
}
