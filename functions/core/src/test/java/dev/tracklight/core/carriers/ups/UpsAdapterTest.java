package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** UPS Track Alert bodies from UPS's own published specs (events/carriers/ups/). */
class UpsAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String CREDENTIAL = "ups-subscription-credential";
    private final UpsAdapter adapter = new UpsAdapter();

    private static WebhookRequest request(String body) {
        return new WebhookRequest(Map.of("credential", CREDENTIAL, "User-Agent", "UPSPubSubTrackingService"), body, NOW);
    }

    private List<TrackingEvent> sequence() throws ProblemException {
        List<TrackingEvent> events = new ArrayList<>();
        try (var reader = jakarta.json.Json.createReader(new StringReader(Fixtures.read("carriers/ups/track-alert-v1-spec-sequence.json")))) {
            for (JsonObject body : reader.readArray().getValuesAs(JsonObject.class)) {
                events.addAll(adapter.parse(request(body.toString())));
            }
        }
        return events;
    }

    @Test
    void acceptsOnlyTheSubscriptionsCredential() {
        String body = Fixtures.read("carriers/ups/track-alert-v1-delivered.json");

        assertThatCode(() -> adapter.verify(request(body), CREDENTIAL)).doesNotThrowAnyException();
        assertThatThrownBy(() -> adapter.verify(request(body), "another"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThatThrownBy(() -> adapter.verify(new WebhookRequest(Map.of(), body, NOW), CREDENTIAL))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void mapsTheSpecsSequenceFromManifestToDelivery() throws ProblemException {
        List<TrackingEvent> events = sequence();

        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.INFO_RECEIVED, Status.PICKED_UP,
                Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY, Status.DELIVERED);
        assertThat(events).extracting(TrackingEvent::subStatus).containsExactly("M/MP", "I/OR", "I/DP", "I/YP", "I/YP", "I/OT", "D/FS");
        assertThat(events.getFirst().trackingNumber()).as("leading space trimmed").isEqualTo("1ZABCXYZ0112346789");
        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("ups");
    }

    @Test
    void takesTheInstantFromGmtAndTheOffsetFromLocalMinusGmt() throws ProblemException {
        TrackingEvent originScan = sequence().get(1);

        assertThat(originScan.occurredAt()).isEqualTo(Instant.parse("2024-04-23T01:29:01Z"));
        assertThat(originScan.localOffset()).isEqualTo("-04:00");
        assertThat(originScan.offsetInferred()).isFalse();
        assertThat(originScan.location().city()).isEqualTo("Hickory");
    }

    @Test
    void readsVersionTwoWithItsDottedGmtOffset() throws ProblemException {
        String body = Fixtures.read("carriers/ups/track-alert-v2-delivered-received-by.json").replaceFirst("\\{", "{\"gmtOffset\":\"-04.00\",");

        TrackingEvent delivered = adapter.parse(request(body)).getFirst();

        assertThat(delivered.status()).isEqualTo(Status.DELIVERED);
        assertThat(delivered.localOffset()).isEqualTo("-04:00");
        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2024-04-23T13:50:04Z"));
    }

    @Test
    void distinguishesCodesByTypeAndKeepsDelaysOutOfTheStatus() {
        assertThat(UpsStatusMap.of("M", "DP", "003").status()).isEqualTo(Status.INFO_RECEIVED);
        assertThat(UpsStatusMap.of("I", "DP", "005").status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(UpsStatusMap.of("X", "48", "022")).isEqualTo(new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE"));
        assertThat(UpsStatusMap.of("D", "FS", "161").status()).isEqualTo(Status.AVAILABLE_FOR_PICKUP);
        assertThat(UpsStatusMap.of("X", "UF", "035").status()).isEqualTo(Status.RETURNING);
        assertThat(UpsStatusMap.of("X", "W1", "032")).isEqualTo(new StatusMapping(null, "DELAYED"));
        assertThat(UpsStatusMap.of("U", "UP", "153").status()).isNull();
        assertThat(UpsStatusMap.of("MV", "VP", "007").status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void answersTwoHundredAsUpsExpects() {
        assertThat(adapter.acknowledge(List.of()).status()).isEqualTo(200);
    }

    @Test
    void aScanPolledFromTheTrackApiIsTheSameEventAsItsTrackAlertPush() throws ProblemException {
        // GIVEN the delivered push, and the Track API's answer for the same scan and an earlier one (a GMT time without
        // its leading zero, as the API's own example writes "74700")
        TrackingEvent pushed = adapter.parse(new WebhookRequest(Map.of(), Fixtures.read("carriers/ups/track-alert-v1-delivered.json"), NOW)).getFirst();
        String polled = """
                {"trackResponse":{"shipment":[{"inquiryNumber":"1Z204W4R0308071865","package":[{"trackingNumber":"1Z204W4R0308071865",
                 "activity":[{"date":"20240423","time":"095004","gmtDate":"20240423","gmtTime":"135004","gmtOffset":"-04:00",
                   "location":{"address":{"city":"CHARLOTTE","stateProvince":"NC","postalCode":"28209","countryCode":"US"}},
                   "status":{"type":"D","code":"FS","description":"Delivered","statusCode":"011"}},
                  {"date":"20240423","time":"051356","gmtDate":"20240423","gmtTime":"91356","gmtOffset":"-04:00",
                   "status":{"type":"I","code":"OT","description":"Out For Delivery Today","statusCode":"021"}}]}]}]}}""";

        List<TrackingEvent> events = UpsTrackApi.events(polled, NOW);

        // THEN the delivered scan has the push's id, status and time, and the other is read too
        assertThat(events).hasSize(2);
        assertThat(events.getFirst().eventId()).isEqualTo(pushed.eventId());
        assertThat(events.getFirst().status()).isEqualTo(Status.DELIVERED);
        assertThat(events.getFirst().occurredAt()).isEqualTo(pushed.occurredAt());
        assertThat(events.getFirst().localOffset()).isEqualTo("-04:00");
        assertThat(events.get(1).status()).isEqualTo(Status.OUT_FOR_DELIVERY);
    }

    @Test
    void aTrackApiScanInTheFirstHourAfterMidnightGmtIsReadWithAllItsLeadingZerosDropped() throws ProblemException {
        // GIVEN scans at 00:47:00 and 00:05:12 GMT, which the Track API writes "4700" and "512"
        String polled = """
                {"trackResponse":{"shipment":[{"inquiryNumber":"1Z204W4R0308071865","package":[{"trackingNumber":"1Z204W4R0308071865",
                 "activity":[{"date":"20240422","time":"204700","gmtDate":"20240423","gmtTime":"4700","gmtOffset":"-04:00",
                   "status":{"type":"I","code":"AR","description":"Arrived at Facility","statusCode":"005"}},
                  {"date":"20240422","time":"200512","gmtDate":"20240423","gmtTime":"512","gmtOffset":"-04:00",
                   "status":{"type":"I","code":"OR","description":"Pickup Scan","statusCode":"005"}}]}]}]}}""";

        // WHEN they are read THEN each has its instant, not a refusal
        List<TrackingEvent> events = UpsTrackApi.events(polled, NOW);
        assertThat(events).extracting(TrackingEvent::occurredAt)
                .containsExactly(java.time.Instant.parse("2024-04-23T00:47:00Z"), java.time.Instant.parse("2024-04-23T00:05:12Z"));
    }
}
