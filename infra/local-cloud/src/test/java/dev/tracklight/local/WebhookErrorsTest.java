package dev.tracklight.local;

import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem+json error, and nothing of it is queued or stored. */
class WebhookErrorsTest {

    private static String number;
    private static String shipmentId;

    @BeforeAll
    static void registerAShipment() throws Exception {
        number = SharedCloud.uniqueTrackingNumber();
        shipmentId = (String) SharedCloud.register("ups", number).get("id");
    }

    @Test
    void aMalformedBodyIsABadRequestThatSaysWhatIsWrong() throws Exception {
        String body = "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\",\"events\":[{\"status\":\"IN_TRANSIT\",\"occurredAt\":\"yesterday\"}]}";

        assertProblem(signed(body, SharedCloud.SECRET), 400, "events[0].occurredAt 'yesterday' must be ISO-8601");
    }

    @Test
    void aBadSignatureIsUnauthorized() throws Exception {
        assertProblem(signed(validBody(), "not-the-secret"), 401, "signature does not match");
        assertProblem(post("/webhooks/carriers/tracklight", validBody(), "application/json", Map.of()), 401, "missing");
    }

    @Test
    void anUnknownCarrierIsNotFound() throws Exception {
        assertProblem(post("/webhooks/carriers/pigeon-post", validBody(), "application/json", Map.of()), 404, "unknown carrier source 'pigeon-post'");
    }

    @Test
    void anOversizedBodyIsTooLarge() throws Exception {
        String huge = "{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";

        assertProblem(signed(huge, SharedCloud.SECRET), 413, "the limit is 262144");
    }

    @Test
    void anotherMediaTypeIsUnsupported() throws Exception {
        assertProblem(post("/webhooks/carriers/tracklight", "carrier=ups", "application/x-www-form-urlencoded", Map.of()), 415, "application/json");
    }

    @Test
    void aScanFromTheYear999999999IsRefusedNamingItsField() throws Exception {
        String body = SharedCloud.webhook("ups", number, "IN_TRANSIT", "AR", "+999999999-01-01T00:00:00Z", "Arrived");

        assertProblem(signed(body, SharedCloud.SECRET), 400, "checkpoint 1 of 1: occurredAt +999999999-01-01T00:00:00Z is outside");
    }

    @Test
    void aNumberOrCarrierTooLongForAKeyIsRefusedNotParked() throws Exception {
        assertProblem(signed(SharedCloud.webhook("ups", "9".repeat(3000), "IN_TRANSIT", "AR", Instant.now().toString(), "Arrived"),
                SharedCloud.SECRET), 400, "trackingNumber has 3000 letters and digits");
        assertProblem(signed(SharedCloud.webhook("u".repeat(3000), number, "IN_TRANSIT", "AR", Instant.now().toString(), "Arrived"),
                SharedCloud.SECRET), 400, "carrier '");
    }

    @Test
    void trailingTextAndDeepNestingAreBadRequests() throws Exception {
        assertProblem(signed(validBody() + " garbage", SharedCloud.SECRET), 400, "not valid JSON");
        String deep = "{\"carrier\":\"ups\",\"x\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertProblem(signed(deep, SharedCloud.SECRET), 400, "nested deeper than 64");
    }

    @Test
    void aTimestampOutsideAnyCalendarIsUnauthorizedBeforeAnythingElse() throws Exception {
        String body = validBody();
        assertProblem(post("/webhooks/carriers/tracklight", body, "application/json", Map.of(
                TracklightAdapter.TIMESTAMP_HEADER, "99999999999999999",
                TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(SharedCloud.SECRET, 99999999999999999L, body))),
                401, "replay window");
    }

    private static String validBody() {
        return SharedCloud.webhook("ups", number, "DELIVERED", "D1", Instant.now().toString(), "Delivered");
    }

    private static HttpResponse<String> signed(String body, String secret) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        return post("/webhooks/carriers/tracklight", body, "application/json", Map.of(
                TracklightAdapter.TIMESTAMP_HEADER, Long.toString(timestamp),
                TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(secret, timestamp, body)));
    }

    private static HttpResponse<String> post(String path, String body, String contentType, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return SharedCloud.client().send(request);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        Map<?, ?> problem = Json.read(response.body(), Map.class);
        assertThat(((Number) problem.get("status")).intValue()).isEqualTo(status);
        assertThat((String) problem.get("title")).isNotBlank();
        assertThat((String) problem.get("detail")).contains(detail);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        // nothing half-written: no event reached the shipment or the unmatched-event store
        assertThat(itemsUnder("SHP#" + shipmentId, "EVT#")).isZero();
        assertThat(itemsUnder("TRK#ups#" + number, "EVT#")).isZero();
    }

    private static int itemsUnder(String pk, String prefix) throws Exception {
        return SharedCloud.get().dynamoDb().query(request -> request.tableName(SharedCloud.table())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)))).count();
    }
}
