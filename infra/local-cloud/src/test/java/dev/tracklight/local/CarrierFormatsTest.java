package dev.tracklight.local;

import dev.tracklight.core.carriers.aftership.AfterShipAdapter;
import dev.tracklight.core.carriers.dhl.DhlAdapter;
import dev.tracklight.core.carriers.easypost.EasyPostAdapter;
import dev.tracklight.core.carriers.fedex.FedExAdapter;
import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackAdapter;
import dev.tracklight.core.carriers.ups.UpsAdapter;
import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Carriers' own payloads from events/carriers/, signed as the carriers sign them, through the real endpoint. */
class CarrierFormatsTest {

    private static final String UPS = "/webhooks/carriers/ups";

    @Test
    void anEasyPostTrackerUpdateMovesTheRegisteredShipment() throws Exception {
        String body = Files.readString(SharedCloud.template().resolveSibling("events/carriers/easypost/tracker-updated-fedex-in-transit.json")).stripTrailing();
        String token = SharedCloud.tokenOf(SharedCloud.register("fedex", "1"));

        HttpResponse<String> refused = postSigned("/webhooks/carriers/easypost", body, EasyPostAdapter.SIGNATURE_HEADER,
                EasyPostAdapter.signature("wrong", body));
        HttpResponse<String> accepted = postSigned("/webhooks/carriers/easypost", body, EasyPostAdapter.SIGNATURE_HEADER,
                EasyPostAdapter.signature(SharedCloud.SECRET, body));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Json.read(accepted.body(), Map.class)).containsEntry("accepted", java.math.BigDecimal.valueOf(7));
        WebSocketApiTest.awaitUntil(() -> ((List<?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("timeline")).size() == 7);
        Map<?, ?> view = Json.read(SharedCloud.client().track(token).body(), Map.class);
        assertThat(view.get("status")).isEqualTo("IN_TRANSIT");
        assertThat(((Map<?, ?>) ((List<?>) view.get("timeline")).getFirst()).get("message")).isEqualTo("Arrived at FedEx location");
    }

    @Test
    void aKuaidi100PushIsVerifiedAnsweredAsKuaidi100ExpectsAndDeliversTheShipment() throws Exception {
        String form = Files.readString(SharedCloud.template().resolveSibling("events/carriers/kuaidi100/push-shutdown-304-jd.form.txt")).strip();
        String token = SharedCloud.tokenOf(SharedCloud.register("jd", "JD0076810060555"));

        HttpResponse<String> tampered = postForm(form.replace("sign=ADE", "sign=BDE"));
        HttpResponse<String> accepted = postForm(form);

        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    @Test
    void anAfterShipTrackingUpdateAcrossThreeTimeZonesDeliversTheShipment() throws Exception {
        String fixture = Files.readString(SharedCloud.template().resolveSibling("events/carriers/aftership/tracking-fedex-cn-jp-delivered.json"));
        // the documented envelope around AfterShip's own tracking object (no verbatim envelope was found)
        String tracking;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(fixture))) {
            tracking = reader.readObject().getJsonObject("data").getJsonObject("tracking").toString();
        }
        String body = "{\"event\":\"tracking_update\",\"event_id\":\"5b2c8e4a\",\"ts\":1763791200,\"msg\":" + tracking + "}";
        String token = SharedCloud.tokenOf(SharedCloud.register("fedex", "111111111111"));

        HttpResponse<String> accepted = postSigned("/webhooks/carriers/aftership", body, AfterShipAdapter.SIGNATURE_HEADER,
                AfterShipAdapter.signature(SharedCloud.SECRET, body));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    @Test
    void upsTrackAlertsOutForDeliveryThenDeliveredWithTheSubscriptionCredential() throws Exception {
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", "1Z204W4R0308071865"));
        String outForDelivery = Files.readString(SharedCloud.template().resolveSibling("events/carriers/ups/track-alert-v1-out-for-delivery.json"));
        String delivered = Files.readString(SharedCloud.template().resolveSibling("events/carriers/ups/track-alert-v1-delivered.json"));

        assertThat(postSigned(UPS, delivered, UpsAdapter.CREDENTIAL_HEADER, "not-the-credential").statusCode()).isEqualTo(401);
        assertThat(postSigned(UPS, delivered, UpsAdapter.CREDENTIAL_HEADER, SharedCloud.SECRET).statusCode()).isEqualTo(200);
        assertThat(postSigned(UPS, outForDelivery, UpsAdapter.CREDENTIAL_HEADER, SharedCloud.SECRET).statusCode()).isEqualTo(200);

        WebSocketApiTest.awaitUntil(() -> ((List<?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("timeline")).size() == 2);
        assertThat(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")).as("late OFD scan").isEqualTo("DELIVERED");
    }

    @Test
    void a17TrackPushDeliversTheShipmentOfItsProvider() throws Exception {
        String body = Files.readString(SharedCloud.template().resolveSibling("events/carriers/17track/tracking-updated-delivered-ups.json"));
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", "1Z2617V10397725789"));

        HttpResponse<String> accepted = postSigned("/webhooks/carriers/17track", body, SeventeenTrackAdapter.SIGNATURE_HEADER,
                SeventeenTrackAdapter.signature(SharedCloud.SECRET, body));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    @Test
    void anSfExpressRoutePushIsAuthenticatedByItsUrlTokenAndAnsweredAsSfExpects() throws Exception {
        String body = Files.readString(SharedCloud.template().resolveSibling("events/carriers/sf-express/route-push-two-routes-same-time.json"));
        String token = SharedCloud.tokenOf(SharedCloud.register("sf-express", "SF7444400031887"));
        URI withoutToken = URI.create(SharedCloud.get().httpEndpoint() + "/webhooks/carriers/sf-express");

        HttpResponse<String> refused = SharedCloud.client().send(HttpRequest.newBuilder(withoutToken)
                .header("Content-Type", "application/json ;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> accepted = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(withoutToken + "?token=" + SharedCloud.SECRET))
                .header("Content-Type", "application/json ;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("{\"return_code\":\"0000\",\"return_msg\":\"成功\"}");
        WebSocketApiTest.awaitUntil(() -> "IN_TRANSIT".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    @Test
    void aShippoTrackUpdateOnItsTokenUrlDeliversTheShipment() throws Exception {
        String track = Files.readString(SharedCloud.template().resolveSibling("events/carriers/shippo/track-usps-unknown-rows-then-delivered.json"));
        // the documented envelope around Shippo's own track object (no verbatim envelope was found)
        String body = "{\"event\":\"track_updated\",\"test\":false,\"data\":" + track + "}";
        String token = SharedCloud.tokenOf(SharedCloud.register("usps", "9205590164917337534322"));

        HttpResponse<String> accepted = SharedCloud.client().send(HttpRequest.newBuilder(
                        URI.create(SharedCloud.get().httpEndpoint() + "/webhooks/carriers/shippo?token=" + SharedCloud.SECRET))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    @Test
    void aFedExPushOfAReusedNumberDeliversTheCurrentShipmentDespiteItsExceptions() throws Exception {
        String body = Files.readString(SharedCloud.template().resolveSibling("events/carriers/fedex/track-776094337676-delivery-exceptions-then-delivered.json"));
        String token = SharedCloud.tokenOf(SharedCloud.register("fedex", "776094337676"));

        assertThat(postSigned("/webhooks/carriers/fedex", body, FedExAdapter.SIGNATURE_HEADER, FedExAdapter.signature("wrong", body)).statusCode())
                .isEqualTo(401);
        HttpResponse<String> accepted = postSigned("/webhooks/carriers/fedex", body, FedExAdapter.SIGNATURE_HEADER,
                FedExAdapter.signature(SharedCloud.SECRET, body));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> ((List<?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("timeline")).size() == 8);
        assertThat(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")).isEqualTo("DELIVERED");
    }

    @Test
    void aDhlPushWithTheSubscriptionsHeaderTokenDeliversTheParcel() throws Exception {
        String body = Files.readString(SharedCloud.template().resolveSibling("events/carriers/dhl/push-parcel-de-constructed.json"));
        String token = SharedCloud.tokenOf(SharedCloud.register("dhl", "00340434292135100124"));

        assertThat(postSigned("/webhooks/carriers/dhl", body, DhlAdapter.TOKEN_HEADER, "guess").statusCode()).isEqualTo(401);
        HttpResponse<String> accepted = postSigned("/webhooks/carriers/dhl", body, DhlAdapter.TOKEN_HEADER, SharedCloud.SECRET);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(Json.read(SharedCloud.client().track(token).body(), Map.class).get("status")));
    }

    private static HttpResponse<String> postSigned(String path, String body, String header, String value) throws Exception {
        return SharedCloud.client().send(HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + path))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> postForm(String body) throws Exception {
        return SharedCloud.client().send(HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + "/webhooks/carriers/kuaidi100"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

}
