package dev.tracklight.local;

import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.core.carriers.ups.UpsAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values older versions could store never make a shipment unreadable, and the next fold repairs them. */
class RecoveryTest {

    @Test
    void aShipmentHoldingTheYear999999999StaysReadableAndIsRepairedByItsNextScan() throws Exception {
        // GIVEN a shipment whose stored event and recheck time an older version wrote in the year 999,999,999 and after
        String number = SharedCloud.uniqueTrackingNumber();
        Map<?, ?> registered = SharedCloud.register("ups", number);
        String shipmentId = (String) registered.get("id");
        String token = SharedCloud.tokenOf(registered);
        ShipmentStore store = new ShipmentStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
        Instant far = Instant.parse("+999999999-06-01T00:00:00Z");
        new TimelineStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), Clock.systemUTC()).putAll(shipmentId, List.of(new TrackingEvent(EventIds.of("ups", number, "AR", far, null), "ups", number, far, "+00:00", false,
                Instant.now(), Status.IN_TRANSIT, null, null, "AR", "Arrived in the far future", null, "test", null)));
        Shipment before = store.get(shipmentId).orElseThrow();
        Shipment broken = before.withProgress(before.progress(), new Shipment.Outlook(null, null, Instant.MAX), Instant.now());
        assertThat(store.update(broken, before.version())).isTrue();

        // THEN the merchant and the consumer can read it
        assertThat(SharedCloud.client().track(token).statusCode()).isEqualTo(200);
        assertThat(store.get(shipmentId)).get().extracting(Shipment::recheckAt).isEqualTo(Instant.MAX);

        // WHEN the next scan arrives
        SharedCloud.client().postSignedWebhook(SharedCloud.SECRET,
                SharedCloud.webhook("ups", number, "OUT_FOR_DELIVERY", "OFD", Instant.now().toString(), "Out for delivery"));

        // THEN the fold repairs it: the far event is information at its receipt, the recheck time a real one
        WebSocketApiTest.awaitUntil(() -> store.get(shipmentId).orElseThrow().status() == Status.OUT_FOR_DELIVERY);
        Shipment repaired = store.get(shipmentId).orElseThrow();
        assertThat(repaired.recheckAt()).isNotNull().isBefore(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(repaired.lastEvent().rawMessage()).isEqualTo("Out for delivery");
        Map<?, ?> view = Json.read(SharedCloud.client().track(token).body(), Map.class);
        assertThat(view.get("status")).isEqualTo("OUT_FOR_DELIVERY");
    }

    @Test
    void anEndpointSavedWithoutASecretRefusesEveryoneWithoutFailing() throws Exception {
        // GIVEN platform endpoints an older version saved with an empty secret: an HMAC source and a token source
        SharedCloud.get();
        SharedCloud.legacyPlatformSecret("easypost", "");
        SharedCloud.legacyPlatformSecret(UpsAdapter.SOURCE, "");
        try {
            // WHEN anyone posts, signed with the empty key or carrying an empty credential
            var hmac = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + "/webhooks/carriers/easypost"))
                    .header("Content-Type", "application/json").header("X-Hmac-Signature", "hmac-sha256-hex=00")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            var token = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + "/webhooks/carriers/ups"))
                    .header("Content-Type", "application/json").header("credential", "")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));

            // THEN both are unauthorized, not a server error and not accepted
            assertThat(hmac.statusCode()).isEqualTo(401);
            assertThat(token.statusCode()).isEqualTo(401);
        } finally {
            SharedCloud.legacyPlatformSecret("easypost", SharedCloud.SECRET);
            SharedCloud.legacyPlatformSecret(UpsAdapter.SOURCE, SharedCloud.SECRET);
        }
    }
}
