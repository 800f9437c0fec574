package dev.tracklight.core.carriers.aftership;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AfterShip's trackings from its SDK fixtures (events/carriers/aftership/). No verbatim webhook envelope
 * was found, so each test wraps a real tracking object in the documented envelope, built here.
 */
class AfterShipAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String SECRET = "aftership-secret";
    private final AfterShipAdapter adapter = new AfterShipAdapter();

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The documented envelope around one real tracking object. */
    private static String envelope(JsonObject tracking) {
        return "{\"event\":\"tracking_update\",\"event_id\":\"5b2c8e4a-9f6e-4c47-9d7c-0f4a1c7e2b11\","
                + "\"is_tracking_first_tag\":false,\"ts\":1763791200,\"msg\":" + tracking + "}";
    }

    private static String fedexTracking() {
        return envelope(json(Fixtures.read("carriers/aftership/tracking-fedex-cn-jp-delivered.json"))
                .getJsonObject("data").getJsonObject("tracking"));
    }

    private static List<JsonObject> trackings() {
        return json(Fixtures.read("carriers/aftership/trackings-exception-then-delivered-and-expired.json"))
                .getJsonObject("data").getJsonArray("trackings").getValuesAs(JsonObject.class);
    }

    private static WebhookRequest request(String body, String signature) {
        return new WebhookRequest(signature == null ? Map.of() : Map.of("aftership-hmac-sha256", signature), body, NOW);
    }

    @Test
    void verifiesTheBase64HmacOfTheRawBody() {
        String body = fedexTracking();

        assertThatCode(() -> adapter.verify(request(body, AfterShipAdapter.signature(SECRET, body)), SECRET)).doesNotThrowAnyException();
        assertUnauthorized(request(body, null));
        assertUnauthorized(request(body, AfterShipAdapter.signature("other", body)));
        assertUnauthorized(request(body + " ", AfterShipAdapter.signature(SECRET, body)));
    }

    @Test
    void keepsEachCheckpointsOwnOffsetAcrossThreeZones() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(fedexTracking(), null));

        assertThat(events).hasSize(14);
        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("fedex");
        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("111111111111");
        assertThat(events).extracting(TrackingEvent::localOffset).contains("-05:00", "+08:00", "+09:00");
        assertThat(events.getFirst().status()).isEqualTo(Status.INFO_RECEIVED);
        assertThat(events.get(1).status()).as("InTransit_002, acceptance").isEqualTo(Status.PICKED_UP);
        assertThat(events.get(1).location().country()).isEqualTo("CN");
        assertThat(events.getLast().status()).isEqualTo(Status.DELIVERED);
        assertThat(events).extracting(TrackingEvent::offsetInferred).containsOnly(false);
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void anExceptionFollowedByDeliveryEndsDeliveredAndAnExpiredTrackingWithoutCheckpointsExpires() throws ProblemException {
        List<JsonObject> trackings = trackings();

        List<TrackingEvent> recovered = adapter.parse(request(envelope(trackings.get(0)), null));
        List<TrackingEvent> expired = adapter.parse(request(envelope(trackings.get(1)), null));

        assertThat(recovered).extracting(TrackingEvent::status).contains(Status.EXCEPTION);
        assertThat(ShipmentFold.fold(recovered).status()).isEqualTo(Status.DELIVERED);
        assertThat(expired).extracting(TrackingEvent::status).containsExactly(Status.EXPIRED);
        assertThat(expired.getFirst().carrier()).isEqualTo("ups");
    }

    @Test
    void otherWebhookEventsAreAcknowledgedWithoutEvents() throws ProblemException {
        assertThat(adapter.parse(request("{\"event\":\"edd_revise\",\"msg\":{}}", null))).isEmpty();
    }

    @Test
    void mapsTagsAndSubTagsWithDelaysKeptOutOfTheStatus() {
        assertThat(AfterShipStatusMap.of("Exception", "Exception_010").status()).isEqualTo(Status.RETURNING);
        assertThat(AfterShipStatusMap.of("Exception", "Exception_011").status()).isEqualTo(Status.RETURNED);
        assertThat(AfterShipStatusMap.of("Exception", "Exception_020").status()).isEqualTo(Status.CANCELLED);
        assertThat(AfterShipStatusMap.of("Exception", "Exception_017")).isEqualTo(new StatusMapping(null, "WEATHER"));
        assertThat(AfterShipStatusMap.of("AttemptFail", "AttemptFail_002").status()).isEqualTo(Status.DELIVERY_ATTEMPTED);
        assertThat(AfterShipStatusMap.of("Pending", "Pending_001").status()).isNull();
        assertThat(AfterShipStatusMap.of("AvailableForPickup", null).status()).isEqualTo(Status.AVAILABLE_FOR_PICKUP);
    }

    @Test
    void aCheckpointWithoutAnOffsetIsReadInItsCountrysZoneAndMarkedInferred() throws ProblemException {
        String body = envelope(json(Json.write(Map.of("slug", "sf-express", "tracking_number", "SF1", "checkpoints", List.of(Map.of(
                "checkpoint_time", "2026-11-20T14:22:00", "tag", "InTransit", "subtag", "InTransit_001",
                "country_iso3", "CHN", "message", "Departed"))))));

        TrackingEvent event = adapter.parse(request(body, null)).getFirst();

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T06:22:00Z"));
        assertThat(event.localOffset()).isEqualTo("+08:00");
        assertThat(event.offsetInferred()).isTrue();
    }

    private void assertUnauthorized(WebhookRequest request) {
        assertThatThrownBy(() -> adapter.verify(request, SECRET))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void aDeliveredTrackingWithoutCheckpointsIsDeliveredOnItsDeliveryDate() throws ProblemException {
        // GIVEN a tracking tagged Delivered with no checkpoints and a date-only delivery date, as AfterShip may send
        JsonObject tracking = jakarta.json.Json.createObjectBuilder(trackings().get(0)).add("checkpoints", JsonValue.EMPTY_JSON_ARRAY)
                .add("tag", "Delivered").add("shipment_delivery_date", "2026-11-20").build();

        List<TrackingEvent> events = adapter.parse(request(envelope(tracking), null));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(Status.DELIVERED);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        });
    }

    @Test
    void anExpiryWithATimestampBeyondAnyCalendarIsReadAtItsReceipt() throws ProblemException {
        // GIVEN an expired tracking with neither checkpoints nor update time, in a webhook whose ts no Instant holds
        JsonObject tracking = jakarta.json.Json.createObjectBuilder(trackings().get(1)).remove("updated_at").build();
        String body = envelope(tracking).replace("\"ts\":1763791200", "\"ts\":99999999999999999999");

        List<TrackingEvent> events = adapter.parse(request(body, null));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(Status.EXPIRED);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.offsetInferred()).isTrue();
        });
    }
}
