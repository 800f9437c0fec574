package dev.tracklight.core.carriers.shippo;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonArray;
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
 * A real USPS track recorded by Shippo's own client tests (events/carriers/shippo/); no verbatim
 * webhook envelope was found, so the test wraps it in the documented {@code track_updated} envelope.
 */
class ShippoAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String TOKEN = "shippo-url-token";
    private final ShippoAdapter adapter = new ShippoAdapter();

    private static WebhookRequest request(Map<String, String> query) {
        String body = "{\"event\":\"track_updated\",\"test\":false,\"data\":"
                + Fixtures.read("carriers/shippo/track-usps-unknown-rows-then-delivered.json") + "}";
        return new WebhookRequest(Map.of(), query, body, NOW);
    }

    @Test
    void acceptsOnlyTheTokenInTheWebhookUrl() {
        assertThatCode(() -> adapter.verify(request(Map.of("token", TOKEN)), TOKEN)).doesNotThrowAnyException();
        assertThatThrownBy(() -> adapter.verify(request(Map.of()), TOKEN))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void readsTheUspsHistoryWithUnknownRowsAsInformationAndTheAcceptanceAsPickUp() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(Map.of()));

        assertThat(events).hasSize(11);
        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("usps");
        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("9205590164917337534322");
        assertThat(events.get(0).status()).isNull();
        assertThat(events.get(1).status()).isNull();
        assertThat(events.get(2).status()).isEqualTo(Status.PICKED_UP);
        assertThat(events.get(3).status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(events.getLast().status()).isEqualTo(Status.DELIVERED);
        assertThat(events.getLast().location().city()).isEqualTo("Berkeley");
        assertThat(events.getFirst().carrierEta()).isEqualTo(Instant.parse("2016-12-08T00:00:00Z"));
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void mapsSubStatuses() {
        assertThat(ShippoStatusMap.of("TRANSIT", "out_for_delivery", false).status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(ShippoStatusMap.of("TRANSIT", "delivery_attempted", false).status()).isEqualTo(Status.DELIVERY_ATTEMPTED);
        assertThat(ShippoStatusMap.of("RETURNED", "package_unclaimed", false)).isEqualTo(new StatusMapping(Status.RETURNING, "UNCLAIMED"));
        assertThat(ShippoStatusMap.of("FAILURE", "package_lost", false).reason()).isEqualTo("LOST");
        assertThat(ShippoStatusMap.of("UNKNOWN", null, false).status()).isNull();
    }

    /** The fixture's track with its history replaced. */
    private static WebhookRequest withHistory(JsonArray history) {
        JsonObject track = jakarta.json.Json.createReader(new StringReader(
                Fixtures.read("carriers/shippo/track-usps-unknown-rows-then-delivered.json"))).readObject();
        JsonObject changed = jakarta.json.Json.createObjectBuilder(track).add("tracking_history", history).build();
        return new WebhookRequest(Map.of(), Map.of(), "{\"event\":\"track_updated\",\"data\":" + changed + "}", NOW);
    }

    @Test
    void aDeliveredTrackWithoutHistoryIsDeliveredAtItsStatusDate() throws ProblemException {
        // GIVEN the track's own tracking_status says DELIVERED and the history is empty
        WebhookRequest request = withHistory(JsonValue.EMPTY_JSON_ARRAY);

        // WHEN it is read twice
        List<TrackingEvent> events = adapter.parse(request);

        // THEN one delivered event stands for it, at the status date, with the same id each time
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(Status.DELIVERED);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse("2016-12-08T15:19:00Z"));
            assertThat(event.offsetInferred()).isFalse();
        });
        assertThat(adapter.parse(request).getFirst().eventId()).isEqualTo(events.getFirst().eventId());
    }

    @Test
    void aHistoryRowOfNullsIsSkippedNotRefused() throws ProblemException {
        // GIVEN the real history with a row of nulls (and a blank text) put first
        JsonArray history = jakarta.json.Json.createReader(new StringReader(
                Fixtures.read("carriers/shippo/track-usps-unknown-rows-then-delivered.json"))).readObject().getJsonArray("tracking_history");
        JsonObject nulls = jakarta.json.Json.createReader(new StringReader(
                "{\"status\":null,\"status_date\":null,\"status_details\":\" \",\"location\":{\"city\":null},\"substatus\":null}"))
                .readObject();

        // THEN the push is read as without it
        assertThat(adapter.parse(withHistory(jakarta.json.Json.createArrayBuilder(history).add(0, nulls).build()))).hasSize(11);
    }
}
