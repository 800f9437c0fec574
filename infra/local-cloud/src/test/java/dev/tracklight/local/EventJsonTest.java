package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tracklight.aws.runtime.EventJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The functions read their events and write their answers with {@link EventJson} instead of the Lambda runtime
 * client's serializer; here both read AWS's sample events and each other's output, and must agree field by field.
 */
class EventJsonTest {

    private static final Path FIXTURES = SharedCloud.template().resolveSibling("events").resolve("aws");

    @Test
    void readsEverySampleEventAsTheRuntimesSerializerDoes() throws Exception {
        // GIVEN the sample events AWS documents, one per trigger the functions have
        Map<String, Class<?>> samples = Map.of(
                "apigateway-http-carrier-webhook.json", APIGatewayV2HTTPEvent.class,
                "websocket-connect.json", APIGatewayV2WebSocketEvent.class,
                "sqs-tracking-event.json", SQSEvent.class,
                "eventbridge-shipment-updated.json", ScheduledEvent.class);
        for (var sample : samples.entrySet()) {
            String json = Files.readString(FIXTURES.resolve(sample.getKey()));

            // WHEN both read it
            Object ours = EventJson.read(json, sample.getValue());
            Object runtimes = runtimeRead(json, sample.getValue());

            // THEN every field agrees (numbers in a free-form detail by value: JSON-B reads them as BigDecimal, Jackson as Integer)
            assertThat(ours).as(sample.getKey()).usingRecursiveComparison()
                    .withComparatorForType(EventJsonTest::byValue, Number.class).isEqualTo(runtimes);
        }
    }

    @Test
    void theNamesAwsSpellsItsOwnWayAreRead() throws Exception {
        SQSEvent batch = EventJson.read(Files.readString(FIXTURES.resolve("sqs-tracking-event.json")), SQSEvent.class);
        ScheduledEvent announcement = EventJson.read(Files.readString(FIXTURES.resolve("eventbridge-shipment-updated.json")), ScheduledEvent.class);

        assertThat(batch.getRecords()).hasSize(1);
        assertThat(batch.getRecords().getFirst().getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:EventsQueue");
        assertThat(announcement.getDetailType()).isEqualTo("ShipmentUpdated");
        assertThat(announcement.getTime()).isNotNull();
        assertThat(announcement.getTime()).isEqualTo(runtimeRead(Files.readString(FIXTURES.resolve("eventbridge-shipment-updated.json")),
                ScheduledEvent.class).getTime());
    }

    @Test
    void aBinaryMessageAttributeAndFieldsAwsAddsLaterDoNotBreakTheRead() {
        // GIVEN a message someone sent by hand with a binary attribute, in an event with a field not yet known
        String json = """
                {"Records":[{"messageId":"m1","body":"{}","newField":{"x":[1,2]},
                  "messageAttributes":{"blob":{"binaryValue":"AAEC","dataType":"Binary","stringListValues":[],"binaryListValues":[]}}}],
                 "anotherNewField":true}""";

        SQSEvent batch = EventJson.read(json, SQSEvent.class);

        assertThat(batch.getRecords().getFirst().getMessageId()).isEqualTo("m1");
        assertThat(batch.getRecords().getFirst().getMessageAttributes().get("blob").getBinaryValue().array()).containsExactly(0, 1, 2);
    }

    @Test
    void everyAnswerIsReadBackByTheRuntimesSerializerUnchanged() {
        // GIVEN one answer of every shape the functions give
        APIGatewayV2HTTPResponse http = APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                .withHeaders(Map.of("Content-Type", "application/problem+json", "X-Correlation-Id", "c-1"))
                .withBody("{\"title\":\"ünïcødé \\\"quoted\\\"\"}").build();
        APIGatewayV2WebSocketResponse socket = new APIGatewayV2WebSocketResponse();
        socket.setStatusCode(403);
        socket.setBody("forbidden");
        SQSBatchResponse failures = SQSBatchResponse.builder().withBatchItemFailures(List.of(
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m-1").build(),
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m-2").build())).build();

        // WHEN each is written by the function and read by the runtime, THEN it arrives as it left
        assertThat(runtimeRead(EventJson.write(http), APIGatewayV2HTTPResponse.class)).usingRecursiveComparison().isEqualTo(http);
        assertThat(runtimeRead(EventJson.write(socket), APIGatewayV2WebSocketResponse.class)).usingRecursiveComparison().isEqualTo(socket);
        assertThat(runtimeRead(EventJson.write(failures), SQSBatchResponse.class)).usingRecursiveComparison().isEqualTo(failures);
        assertThat(runtimeRead(EventJson.write(7), Integer.class)).isEqualTo(7);
        assertThat(EventJson.write(null)).isEqualTo("null");
    }

    @Test
    void anEventTheRuntimeWroteIsReadBackWhole() {
        // GIVEN an HTTP API event as the runtime's serializer writes it (what the local cloud hands the functions)
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /webhooks/carriers/{source}")
                .withRawPath("/webhooks/carriers/ups").withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(Map.of("source", "ups")).withBody("eyJhIjoxfQ==").withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/webhooks/carriers/ups").build())
                        .build())
                .build();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        serializer(APIGatewayV2HTTPEvent.class).toJson(event, written);

        // WHEN the function reads it
        APIGatewayV2HTTPEvent read = EventJson.read(new ByteArrayInputStream(written.toByteArray()), APIGatewayV2HTTPEvent.class);

        // THEN nothing is lost
        assertThat(read).usingRecursiveComparison().isEqualTo(event);
    }

    private static int byValue(Number one, Number other) {
        return new BigDecimal(one.toString()).compareTo(new BigDecimal(other.toString()));
    }

    private static <T> T runtimeRead(String json, Class<T> type) {
        return serializer(type).fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        return (PojoSerializer<T>) LambdaEventSerializers.serializerFor(type, EventJsonTest.class.getClassLoader());
    }
}
