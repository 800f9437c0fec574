package dev.tracklight.core.carriers.easypost;

import dev.tracklight.core.fixtures.Fixtures;
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

/** EasyPost's own payloads, from events/carriers/easypost/ (sources in its README). */
class EasyPostAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    /** The SDKs' test secret: not ASCII on purpose, so NFKD matters. */
    private static final String SECRET = "sécret";
    private final EasyPostAdapter adapter = new EasyPostAdapter();

    private static String fixture(String name) {
        return Fixtures.read("carriers/easypost/" + name).stripTrailing();
    }

    private static WebhookRequest request(String body, String signature) {
        return new WebhookRequest(signature == null ? Map.of() : Map.of("X-Hmac-Signature", signature), body, NOW);
    }

    @Test
    void verifiesTheSignatureOfTheRawBodyWithAnNfkdSecret() {
        String body = fixture("tracker-updated-fedex-in-transit.json");
        // computed with Python's hmac over the same bytes (events/carriers/easypost/README.md)
        String expected = "hmac-sha256-hex=38f3f53c103713df81616a0a186d77141957323ec21d5fe9363db93840f527db";

        assertThat(EasyPostAdapter.signature(SECRET, body)).isEqualTo(expected);
        assertThatCode(() -> adapter.verify(request(body, expected), SECRET)).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingOrWrongSignatureAndAnyChangedByte() {
        String body = fixture("tracker-updated-fedex-in-transit.json");
        String signed = EasyPostAdapter.signature(SECRET, body);

        assertUnauthorized(request(body, null));
        assertUnauthorized(request(body, EasyPostAdapter.signature("other", body)));
        assertUnauthorized(request(body + "\n", signed));
        assertUnauthorized(request(body.replace("\"weight\":614.4", "\"weight\":614.40"), signed));
    }

    @Test
    void readsEveryRowOfTheFedExTrackerWithPickUpAndInformationalDetails() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(fixture("tracker-updated-fedex-in-transit.json"), null));

        assertThat(events).hasSize(7);
        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("fedex");
        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("1");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.INFO_RECEIVED, Status.PICKED_UP,
                Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT);
        TrackingEvent pickUp = events.get(1);
        assertThat(pickUp.rawCode()).isEqualTo("PU");
        assertThat(pickUp.subStatus()).isEqualTo("arrived_at_facility");
        assertThat(pickUp.location().city()).isEqualTo("ORLANDO");
        assertThat(pickUp.carrierEta()).isEqualTo(Instant.parse("2024-08-05T00:00:00Z"));
        assertThat(events).extracting(TrackingEvent::eventId).doesNotHaveDuplicates();
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.IN_TRANSIT);
    }

    @Test
    void aDeliveryListedBeforeTheOutForDeliveryScanStillEndsDelivered() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(fixture("tracker-updated-ups-delivered-out-of-order.json"), null));

        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("ups");
        assertThat(events.get(1).status()).as("ORIGIN SCAN, the first in_transit row").isEqualTo(Status.PICKED_UP);
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void keepsLongNumericTrackingCodesAsTextAndPreTransitRowsAsLabelInformation() throws ProblemException {
        String envelope = "{\"object\":\"Event\",\"description\":\"tracker.updated\",\"result\":"
                + fixture("tracker-object-usps-pre-transit-status-update.json") + "}";

        List<TrackingEvent> events = adapter.parse(request(envelope, null));

        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("9405500207552011812894");
        assertThat(events).extracting(TrackingEvent::status).containsOnly(Status.INFO_RECEIVED);
        assertThat(events).extracting(TrackingEvent::rawCode).containsOnly("pre_transit/status_update");
    }

    @Test
    void otherEventTypesAreAcknowledgedWithoutEvents() throws ProblemException {
        assertThat(adapter.parse(request("{\"object\":\"Event\",\"description\":\"batch.created\",\"result\":{}}", null))).isEmpty();
    }

    @Test
    void mapsEveryEasyPostStatus() {
        assertThat(EasyPostStatusMap.status("unknown", "status_update", false)).isNull();
        assertThat(EasyPostStatusMap.status("out_for_delivery", null, false)).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(EasyPostStatusMap.status("available_for_pickup", "arrived_at_pickup_location", false)).isEqualTo(Status.AVAILABLE_FOR_PICKUP);
        assertThat(EasyPostStatusMap.status("failure", "delivery_exception", false)).isEqualTo(Status.DELIVERY_ATTEMPTED);
        assertThat(EasyPostStatusMap.status("failure", "lost", false)).isEqualTo(Status.EXCEPTION);
        assertThat(EasyPostStatusMap.status("return_to_sender", null, false)).isEqualTo(Status.RETURNING);
        assertThat(EasyPostStatusMap.status("cancelled", null, false)).isEqualTo(Status.CANCELLED);
        assertThat(EasyPostStatusMap.status("in_transit", "expired", false)).isEqualTo(Status.EXPIRED);
        assertThat(EasyPostStatusMap.status("in_transit", "received_at_origin_facility", false)).isEqualTo(Status.PICKED_UP);
        assertThat(EasyPostStatusMap.reason("in_transit", "weather_delay")).isEqualTo("WEATHER");
        assertThat(EasyPostStatusMap.reason("failure", "address_correction")).isEqualTo("ADDRESS_ISSUE");
    }

    private void assertUnauthorized(WebhookRequest request) {
        assertThatThrownBy(() -> adapter.verify(request, SECRET))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void aDeliveredTrackerWithoutDetailsIsDeliveredAtItsLastUpdate() throws ProblemException {
        // GIVEN EasyPost's delivered tracker with its details gone: a tracker's status need not come from them
        JsonObject event = jakarta.json.Json.createReader(new StringReader(fixture("tracker-updated-ups-delivered-out-of-order.json")))
                .readObject();
        JsonObject tracker = jakarta.json.Json.createObjectBuilder(event.getJsonObject("result"))
                .add("tracking_details", JsonValue.EMPTY_JSON_ARRAY).build();
        String body = jakarta.json.Json.createObjectBuilder(event).add("result", tracker).build().toString();

        List<TrackingEvent> events = adapter.parse(request(body, null));

        // THEN the push still delivers the shipment, at the tracker's updated_at
        assertThat(events).singleElement().satisfies(delivered -> {
            assertThat(delivered.status()).isEqualTo(Status.DELIVERED);
            assertThat(delivered.carrier()).isEqualTo("ups");
            assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2014-11-19T10:51:54Z"));
        });
    }
}
