package dev.tracklight.aws.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Lambda's event and response JSON, read into and written from aws-lambda-java-events' classes with JSON-B, the
 * binding every function loads anyway, instead of the runtime client's Jackson-based serializer (about 650 classes
 * and 200 ms of init before the first poll). The names AWS spells unlike those classes' properties are mapped the way
 * the runtime's own mix-ins map them; unknown fields are skipped, as AWS adds fields to its events over time.
 */
public final class EventJson {

    /** Property → AWS's name: SQS's {@code Records} and {@code eventSourceARN}, EventBridge's {@code detail-type}. */
    private static final Map<String, String> AWS_NAMES = Map.of(
            "records", "Records",
            "eventSourceArn", "eventSourceARN",
            "detailType", "detail-type");

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .withPropertyNamingStrategy(name -> AWS_NAMES.getOrDefault(name, name))
            .withAdapters(new EventTime(), new BinaryValue()));

    private EventJson() {
    }

    public static <T> T read(InputStream json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    /** Writes {@code null} as JSON's null, what the runtime answers for a handler that returns nothing. */
    public static void write(Object value, OutputStream json) {
        if (value == null) {
            try {
                json.write("null".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        JSONB.toJson(value, json);
    }

    public static String write(Object value) {
        return value == null ? "null" : JSONB.toJson(value);
    }

    /**
     * Reads and writes a sample of every event and response shape the functions take and give, so JSON-B's models of
     * those classes are built before SnapStart's snapshot rather than on a restored instance's first invocation.
     */
    public static void prime() {
        read(SAMPLE_HTTP, APIGatewayV2HTTPEvent.class);
        read(SAMPLE_WEBSOCKET, APIGatewayV2WebSocketEvent.class);
        read(SAMPLE_SQS, SQSEvent.class);
        read(SAMPLE_BUS, ScheduledEvent.class);
        write(APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("Content-Type", "application/json")).withBody("{}").build());
        var socket = new APIGatewayV2WebSocketResponse();
        socket.setStatusCode(200);
        write(socket);
        write(SQSBatchResponse.builder().withBatchItemFailures(List.of(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m").build())).build());
        write(0);
    }

    private static final String SAMPLE_HTTP = """
            {"version":"2.0","routeKey":"POST /p","rawPath":"/p","headers":{"h":"v"},"queryStringParameters":{"q":"v"},
             "pathParameters":{"p":"v"},"requestContext":{"requestId":"r","http":{"method":"POST","path":"/p"},"timeEpoch":0},
             "body":"e30=","isBase64Encoded":true}""";
    private static final String SAMPLE_WEBSOCKET = """
            {"headers":{"h":"v"},"queryStringParameters":{"q":"v"},
             "requestContext":{"routeKey":"$connect","connectionId":"c","eventType":"CONNECT","requestId":"r"}}""";
    private static final String SAMPLE_SQS = """
            {"Records":[{"messageId":"m","body":"{}","attributes":{"ApproximateReceiveCount":"1"},
             "messageAttributes":{"a":{"stringValue":"v","dataType":"String"}},"eventSourceARN":"arn:aws:sqs:r:0:q"}]}""";
    private static final String SAMPLE_BUS = """
            {"id":"i","detail-type":"t","source":"s","time":"2026-01-01T00:00:00Z","detail":{"d":{"n":1}}}""";

    /** EventBridge's {@code time}, which {@code ScheduledEvent} holds as a Joda date-time. */
    public static final class EventTime implements JsonbAdapter<DateTime, String> {
        @Override
        public String adaptToJson(DateTime time) {
            return Instant.ofEpochMilli(time.getMillis()).toString();
        }

        @Override
        public DateTime adaptFromJson(String text) {
            return new DateTime(Instant.parse(text).toEpochMilli(), DateTimeZone.UTC);
        }
    }

    /** SQS's binary message attributes: base64 on the wire. */
    public static final class BinaryValue implements JsonbAdapter<ByteBuffer, String> {
        @Override
        public String adaptToJson(ByteBuffer bytes) {
            return Base64.getEncoder().encodeToString(bytes.duplicate().array());
        }

        @Override
        public ByteBuffer adaptFromJson(String text) {
            return ByteBuffer.wrap(Base64.getDecoder().decode(text));
        }
    }
}
