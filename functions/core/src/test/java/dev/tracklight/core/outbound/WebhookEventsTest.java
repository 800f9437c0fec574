package dev.tracklight.core.outbound;

import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final String BASE_URL = "https://track.example";

    private static Shipment shipment(Status status) {
        var scan = new TrackingEvent(EventIds.of("ups", "1Z1", "c", T0, null), "ups", "1Z1", T0, "-08:00", false, T0, status, null, null,
                "c", "scan", new Location("Seattle", "WA", "US", "98101", null, null), "test", null);
        return Shipment.registered("tenant-a", "shp_1", "order-1", "ups", "1Z1", null, null, null, null, null, "token", T0)
                .withProgress(ShipmentFold.fold(List.of(scan)), new Outlook(null, null, null), T0);
    }

    @Test
    void anUpdateIsOneEventPerVersionAndDeliveryOnePerShipment() {
        // GIVEN a delivered shipment announced as version 3, again as 3 (the bus repeated it), then as 4
        Shipment delivered = shipment(Status.DELIVERED);

        // WHEN its events are made
        List<WebhookEvent> first = WebhookEvents.ofUpdate(delivered, 3, BASE_URL, T0);
        List<WebhookEvent> repeated = WebhookEvents.ofUpdate(delivered, 3, BASE_URL, T0.plusSeconds(5));
        List<WebhookEvent> next = WebhookEvents.ofUpdate(delivered, 4, BASE_URL, T0.plusSeconds(9));

        // THEN a repeat has the same ids, a new version a new update id, and delivery keeps its one id
        assertThat(first).extracting(WebhookEvent::type).containsExactly("shipment.updated", "shipment.delivered");
        assertThat(repeated).extracting(WebhookEvent::id).isEqualTo(first.stream().map(WebhookEvent::id).toList());
        assertThat(next.getFirst().id()).isNotEqualTo(first.getFirst().id());
        assertThat(next.get(1).id()).isEqualTo(first.get(1).id());
        assertThat(first.getFirst().data().shipment().trackingUrl()).isEqualTo(BASE_URL + "/t/token");
        assertThat(first.getFirst().data().shipment().orderId()).isEqualTo("order-1");
    }

    @Test
    void aShipmentInTransitHasNoDeliveredEventAndDelayEventsCarryThePreviousVerdict() {
        Shipment moving = shipment(Status.IN_TRANSIT);

        assertThat(WebhookEvents.ofUpdate(moving, 2, BASE_URL, T0)).extracting(WebhookEvent::eventType)
                .containsExactly(WebhookEventType.SHIPMENT_UPDATED);
        WebhookEvent delayed = WebhookEvents.ofDelayChange(WebhookEventType.SHIPMENT_DELAYED, moving, 2, DelayStatus.ON_TIME, BASE_URL, T0);
        assertThat(delayed.id()).startsWith("evt_").isNotEqualTo(WebhookEvents.ofUpdate(moving, 2, BASE_URL, T0).getFirst().id());

        WebhookEvent read = Json.read(Json.write(delayed), WebhookEvent.class);
        assertThat(read.type()).isEqualTo("shipment.delayed");
        assertThat(read.data().previousDelayStatus()).isEqualTo(DelayStatus.ON_TIME);
        assertThat(Json.write(delayed)).doesNotContain("eventType");
    }
}
