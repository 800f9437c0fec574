package dev.tracklight.local;

import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.tracking.Announced;
import dev.tracklight.core.tracking.ShipmentDecisions;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.view.TrackingView;
import dev.tracklight.core.view.TrackingViews;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local bus refuses entries of 256 KB as EventBridge does, and a shipment's update never is one. */
class BusDetailSizeTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private static EventBridgeClient bus() throws Exception {
        return new AwsClients(new FunctionEnvironment(SharedCloud.get().environmentOf("ProcessEventsFunction"))).eventBridge();
    }

    private static String busName() throws Exception {
        return SharedCloud.get().environmentOf("ProcessEventsFunction").get("EVENT_BUS_NAME");
    }

    @Test
    void aShipmentUpdateFitsPutEventsWhateverTheCarriersSent() throws Exception {
        // GIVEN 500 checkpoints with the longest texts, in characters JSON escapes to six bytes each
        String escaped = "\u0001".repeat(100_000);
        List<TrackingEvent> events = new ArrayList<>();
        for (int minute = 0; minute < 500; minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            events.add(new TrackingEvent(EventIds.of("ups", "1Z1", "c" + minute, at, escaped), "ups", "1Z1", at, "-08:00", false, at,
                    Status.IN_TRANSIT, escaped, escaped, "c" + minute, escaped, new Location(escaped, escaped, escaped, escaped, 1.0, 2.0),
                    "test", null));
        }
        Shipment shipment = Shipment.registered("tenant-bus", "shp_bus", "order-" + escaped.substring(0, 10), "ups", "1Z1", null, null,
                null, null, null, "token", T0).withProgress(ShipmentFold.fold(events), new Outlook(null, null, null), T0);
        TrackingView view = TrackingViews.of(shipment, events);

        // WHEN it is announced on the bus, THEN EventBridge's limit holds
        var announcement = ShipmentDecisions.announcement(shipment, Announced.NOTHING).orElseThrow();
        assertThat(new ShipmentEvents(bus(), busName()).announce(List.of(new ShipmentEvents.Outgoing(announcement, view, null)))).isEmpty();
    }

    @Test
    void theLocalBusRefusesAnEntryOf256KbAsEventBridgeDoes() throws Exception {
        String detail = "{\"x\":\"" + "x".repeat(256 * 1024) + "\"}";
        EventBridgeClient bus = bus();
        String busName = busName();

        assertThatThrownBy(() -> bus.putEvents(request -> request.entries(entry -> entry.eventBusName(busName)
                .source("tracklight.test").detailType("Oversized").detail(detail))))
                .isInstanceOfSatisfying(EventBridgeException.class, e -> assertThat(e.getMessage()).contains("over the limit"));
    }
}
