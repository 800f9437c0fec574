package dev.tracklight.core.carriers.seventeentrack;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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

/** 17TRACK v2 pushes from events/carriers/17track/ (provenance and caveats in its README). */
class SeventeenTrackAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String API_KEY = "17track-api-key";
    private final SeventeenTrackAdapter adapter = new SeventeenTrackAdapter();

    private static WebhookRequest request(String body, String sign) {
        return new WebhookRequest(sign == null ? Map.of() : Map.of("sign", sign), body, NOW);
    }

    private static String delivered() {
        return Fixtures.read("carriers/17track/tracking-updated-delivered-ups.json");
    }

    @Test
    void verifiesTheSha256OfBodySlashKey() {
        // computed here with Python's hashlib over the file's bytes + "/" + the key
        String expected = "8c38788273c51e90321cd8c3aff95afef8544f0325f44cf1ae0b86516d878ddc";

        assertThat(SeventeenTrackAdapter.signature(API_KEY, delivered())).isEqualTo(expected);
        assertThatCode(() -> adapter.verify(request(delivered(), expected), API_KEY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> adapter.verify(request(delivered(), expected), "other-key"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThatThrownBy(() -> adapter.verify(request(delivered(), null), API_KEY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void readsTheHistoryNewestFirstWithStagesAndTheLatestStatusForTheNewestScan() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(delivered(), null));

        assertThat(events).hasSize(5);
        assertThat(events).extracting(TrackingEvent::carrier).as("the provider, not 17TRACK's key 3011").containsOnly("ups");
        assertThat(events).extracting(TrackingEvent::status)
                .containsExactly(Status.DELIVERED, Status.OUT_FOR_DELIVERY, null, null, Status.INFO_RECEIVED);
        assertThat(events.getFirst().localOffset()).isEqualTo("-07:00");
        assertThat(events.getFirst().occurredAt()).isEqualTo(Instant.parse("2022-04-04T23:35:22Z"));
        assertThat(events.getFirst().location().city()).isEqualTo("GASQUET");
        assertThat(events.get(2).rawMessage()).as("an unstaged scan is kept as information").isEqualTo("Arrived at Facility");
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void aStoppedTrackingIsAcknowledgedWithoutEvents() throws ProblemException {
        assertThat(adapter.parse(request(Fixtures.read("carriers/17track/tracking-stopped.json"), null))).isEmpty();
    }

    @Test
    void subStatusesWinAndDelaysStayInformation() {
        assertThat(SeventeenTrackStatusMap.of("InTransit", "InTransit_PickedUp").status()).isEqualTo(Status.PICKED_UP);
        assertThat(SeventeenTrackStatusMap.of("Exception", "Exception_Returned").status()).isEqualTo(Status.RETURNED);
        assertThat(SeventeenTrackStatusMap.of("Exception", "Exception_Delayed")).isEqualTo(new StatusMapping(null, "DELAYED"));
        assertThat(SeventeenTrackStatusMap.of("DeliveryFailure", "DeliveryFailure_NoBody").status()).isEqualTo(Status.DELIVERY_ATTEMPTED);
        assertThat(SeventeenTrackStatusMap.of("NotFound", "NotFound_Other")).isNull();
    }

    @Test
    void namesTheCarrierByTheProvidersKeyNotItsName() throws ProblemException {
        // GIVEN a push whose provider is 7041 "DHL Paket", and one with a key 17TRACK's list does not have
        String dhlPaket = delivered().replace("\"key\": 100002", "\"key\": 7041").replace("\"name\": \"UPS\"", "\"name\": \"DHL Paket\"");
        String unknown = delivered().replace("\"key\": 100002", "\"key\": 999999");

        // THEN the first is the dhl shipment a merchant registers, the second keeps 17TRACK's key
        assertThat(adapter.parse(request(dhlPaket, null))).extracting(TrackingEvent::carrier).containsOnly("dhl");
        assertThat(adapter.parse(request(unknown, null))).extracting(TrackingEvent::carrier).containsOnly("17track-999999");
    }

    @Test
    void aDeliveredRecordWithoutScansIsDeliveredAtItsLatestEvent() throws ProblemException {
        // GIVEN the real push with every provider's scans removed: only latest_status and latest_event remain
        JsonObject push = Json.createReader(new StringReader(delivered())).readObject();
        JsonObject info = push.getJsonObject("data").getJsonObject("track_info");
        JsonArrayBuilder providers = Json.createArrayBuilder();
        info.getJsonObject("tracking").getJsonArray("providers").getValuesAs(JsonObject.class)
                .forEach(provider -> providers.add(Json.createObjectBuilder(provider).add("events", JsonValue.EMPTY_JSON_ARRAY)));
        JsonObject tracking = Json.createObjectBuilder(info.getJsonObject("tracking")).add("providers", providers).build();
        JsonObject data = Json.createObjectBuilder(push.getJsonObject("data"))
                .add("track_info", Json.createObjectBuilder(info).add("tracking", tracking)).build();
        String noScans = Json.createObjectBuilder(push).add("data", data).build().toString();

        List<TrackingEvent> events = adapter.parse(request(noScans, null));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(Status.DELIVERED);
            assertThat(event.carrier()).isEqualTo("ups");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2022-04-04T23:35:22Z"));
            assertThat(event.localOffset()).isEqualTo("-07:00");
        });
    }
}
