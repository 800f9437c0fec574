package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracklight.local.invoke.LocalFunction;
import dev.tracklight.local.template.CloudTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample Lambda events in {@code events/aws/}, in the shapes AWS delivers them, run through the real
 * handlers (as aws-lambda-java-tests' {@code @Event} fixtures do) against the local cloud.
 */
class FixtureEventsTest {

    /** Lambda's own serializer reads AWS's field names; Jackson needs these hints to do the same. */
    private static final ObjectMapper AWS_JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .addMixIn(ScheduledEvent.class, EventBridgeNames.class)
            .build();

    abstract static class EventBridgeNames {
        @JsonProperty("detail-type")
        abstract void setDetailType(String detailType);

        @JsonIgnore
        abstract void setTime(org.joda.time.DateTime time);
    }

    @Test
    void anApiGatewayWebhookWithAStaleTimestampIsRefusedAsAReplay() throws Exception {
        APIGatewayV2HTTPEvent event = fixture("apigateway-http-carrier-webhook.json", APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = function("IngestCarrierFunction").invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("replay window");
    }

    @Test
    void anSqsBatchIsProcessedAndItsEventKeptUntilTheShipmentRegisters() throws Exception {
        SQSEvent event = fixture("sqs-tracking-event.json", SQSEvent.class);

        SQSBatchResponse response = function("ProcessEventsFunction").invoke(event);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(SharedCloud.get().dynamoDb().query(request -> request.tableName(SharedCloud.table())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TRK#ups#FIXTURE0001")))).count()).isEqualTo(1);
    }

    @Test
    void aShipmentUpdatedEventIsPushedToTheShipmentsConnections() throws Exception {
        Map<?, ?> shipment = SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber());
        ScheduledEvent event = fixture("eventbridge-shipment-updated.json", ScheduledEvent.class);
        assertThat(event.getDetailType()).isEqualTo("ShipmentUpdated");
        event.getDetail().put("shipmentId", shipment.get("id"));
        try (WebSocketClient page = WebSocketClient.connect(SharedCloud.get().webSocketEndpoint(), SharedCloud.tokenOf(shipment))) {

            function("PushStatusFunction").invoke(event);

            Map<String, Object> pushed = page.await(m -> "view".equals(m.get("type")), SharedCloud.JOURNEY);
            assertThat(pushed.get("view")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("trackingNumber", "1Z999AA10123456784").containsEntry("status", "IN_TRANSIT");
        }
    }

    @Test
    void aWebSocketConnectWithAnUnknownTokenIsRefused() throws Exception {
        APIGatewayV2WebSocketEvent event = fixture("websocket-connect.json", APIGatewayV2WebSocketEvent.class);

        APIGatewayV2WebSocketResponse response = function("WebSocketConnectFunction").invoke(event);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    private static <T> T fixture(String name, Class<T> type) throws Exception {
        Path file = SharedCloud.template().resolveSibling("events").resolve("aws").resolve(name);
        return AWS_JSON.readValue(Files.readString(file), type);
    }

    private static LocalFunction function(String logicalId) throws Exception {
        LocalCloud cloud = SharedCloud.get();
        CloudTemplate.FunctionSpec spec = CloudTemplate.read(SharedCloud.template()).functions().stream()
                .filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
        return new LocalFunction(logicalId, spec.handlerClass(), cloud.environmentOf(logicalId), Duration.ofSeconds(15));
    }
}
