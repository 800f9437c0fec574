package dev.tracklight.core.carriers.tracklight;

import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TracklightAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String SECRET = "s3cret";
    private static final String BODY = """
            {"carrier":" SF-Express ","trackingNumber":" sf 1234-5678 90","events":[
              {"status":"IN_TRANSIT","subStatus":"DEPARTED_HUB","code":"DP","message":"Departed Hangzhou hub",
               "occurredAt":"2026-11-20T14:22:00+08:00","location":{"city":"Hangzhou","country":"CN","lat":30.27,"lon":120.15},
               "carrierEta":"2026-11-23T18:00:00+08:00"},
              {"message":"Customs information updated","occurredAt":"2026-11-20T15:00:00+08:00"}]}""";

    private final TracklightAdapter adapter = new TracklightAdapter(Clock.fixed(NOW, ZoneOffset.UTC));

    private static WebhookRequest signed(String body, long timestamp, String secret) {
        return new WebhookRequest(Map.of(
                "Tracklight-Timestamp", Long.toString(timestamp),
                "Tracklight-Signature", TracklightAdapter.signature(secret, timestamp, body)), body, NOW);
    }

    @Test
    void acceptsABodySignedWithTheSecret() {
        assertThatCode(() -> adapter.verify(signed(BODY, NOW.getEpochSecond(), SECRET), SECRET)).doesNotThrowAnyException();
    }

    @Test
    void refusesAWrongSecretAChangedBodyAndMissingHeaders() {
        assertUnauthorized(signed(BODY, NOW.getEpochSecond(), "other"), "signature does not match");
        WebhookRequest tampered = new WebhookRequest(signed(BODY, NOW.getEpochSecond(), SECRET).headers(), BODY.replace("DP", "XX"), NOW);
        assertUnauthorized(tampered, "signature does not match");
        assertUnauthorized(new WebhookRequest(Map.of(), BODY, NOW), "missing");
        assertUnauthorized(new WebhookRequest(Map.of("tracklight-timestamp", "yesterday", "tracklight-signature", "v1=00"), BODY, NOW), "epoch seconds");
    }

    @Test
    void refusesATimestampOutsideTheReplayWindow() {
        assertUnauthorized(signed(BODY, NOW.minusSeconds(301).getEpochSecond(), SECRET), "replay window");
        assertUnauthorized(signed(BODY, NOW.plusSeconds(301).getEpochSecond(), SECRET), "replay window");
    }

    @Test
    void acceptsOneOfSeveralSignaturesDuringSecretRotation() {
        long ts = NOW.getEpochSecond();
        String header = TracklightAdapter.signature("old", ts, BODY) + ", " + TracklightAdapter.signature(SECRET, ts, BODY);
        assertThatCode(() -> adapter.verify(new WebhookRequest(Map.of("Tracklight-Timestamp", Long.toString(ts), "Tracklight-Signature", header), BODY, NOW), SECRET))
                .doesNotThrowAnyException();
    }

    @Test
    void normalizesIntoCanonicalEvents() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(signed(BODY, NOW.getEpochSecond(), SECRET));

        assertThat(events).hasSize(2);
        TrackingEvent first = events.getFirst();
        assertThat(first.carrier()).isEqualTo("sf-express");
        assertThat(first.trackingNumber()).isEqualTo("SF1234567890");
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-11-20T06:22:00Z"));
        assertThat(first.localOffset()).isEqualTo("+08:00");
        assertThat(first.status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(first.subStatus()).isEqualTo("DEPARTED_HUB");
        assertThat(first.location().city()).isEqualTo("Hangzhou");
        assertThat(first.location().lat()).isEqualTo(30.27);
        assertThat(first.carrierEta()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(first.receivedAt()).isEqualTo(NOW);
        assertThat(events.get(1).status()).as("informational row").isNull();
    }

    @Test
    void readsTheSamplePayloadInEvents() throws ProblemException {
        String body = Fixtures.read("carriers/tracklight/sf-express-in-transit.json");

        List<TrackingEvent> events = adapter.parse(signed(body, NOW.getEpochSecond(), SECRET));

        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.PICKED_UP, Status.IN_TRANSIT, null);
        assertThat(events).extracting(TrackingEvent::rawMessage).first().asString().startsWith("顺丰速运");
        assertThat(events).extracting(TrackingEvent::localOffset).containsOnly("+08:00");
        assertThat(events).extracting(TrackingEvent::eventId).doesNotHaveDuplicates();
    }

    @Test
    void theSameCheckpointAlwaysGetsTheSameEventId() throws ProblemException {
        String id = adapter.parse(signed(BODY, NOW.getEpochSecond(), SECRET)).getFirst().eventId();
        String resent = adapter.parse(signed(BODY, NOW.getEpochSecond() + 60, SECRET)).getFirst().eventId();

        assertThat(resent).isEqualTo(id).hasSize(32);
    }

    @Test
    void saysWhatIsWrongWithAMalformedBody() {
        assertBadRequest("", "body is empty");
        assertBadRequest("{not json", "not valid JSON");
        assertBadRequest("[1,2]", "must be a JSON object");
        assertBadRequest("{\"trackingNumber\":\"1\",\"events\":[]}", "carrier is required");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"--\",\"events\":[{}]}", "no letters or digits");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[]}", "events must be a non-empty array");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[{\"status\":\"LOST\",\"occurredAt\":\"2026-11-20T14:22:00Z\"}]}",
                "events[0].status 'LOST' is not one of");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[{\"status\":\"IN_TRANSIT\",\"occurredAt\":\"2026-11-20 14:22\"}]}",
                "events[0].occurredAt '2026-11-20 14:22' must be ISO-8601 with an offset");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[{\"status\":\"IN_TRANSIT\"}]}", "events[0].occurredAt is required");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[{\"occurredAt\":\"2026-11-20T14:22:00Z\"}]}", "needs a status or a message");
        assertBadRequest("{\"carrier\":\"ups\",\"trackingNumber\":\"1Z\",\"events\":[{\"status\":\"IN_TRANSIT\",\"occurredAt\":\"2026-11-20T14:22:00Z\",\"location\":{\"lat\":91}}]}",
                "events[0].location.lat must be a number between -90 and 90");
        assertBadRequest("{\"carrier\":7,\"trackingNumber\":\"1Z\",\"events\":[]}", "carrier must be a string");
    }

    private void assertUnauthorized(WebhookRequest request, String detail) {
        assertThatThrownBy(() -> adapter.verify(request, SECRET))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.problem().detail()).contains(detail);
                });
    }

    private void assertBadRequest(String body, String detail) {
        assertThatThrownBy(() -> adapter.parse(new WebhookRequest(Map.of(), body, NOW)))
                .as(body)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains(detail);
                });
    }
}
