package dev.tracklight.core.view;

import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    private static TrackingEvent event(int minute, String message) {
        Instant at = T0.plusSeconds(60L * minute);
        return new TrackingEvent(EventIds.of("ups", "1Z1", "c" + minute, at, null), "ups", "1Z1", at, "-08:00", false, at,
                Status.IN_TRANSIT, null, null, "c" + minute, message,
                new Location("Seattle", "WA", "US", "98101", 47.6, -122.3), "test", null);
    }

    private static Shipment shipment(List<TrackingEvent> events) {
        var progress = ShipmentFold.fold(events);
        return Shipment.registered("tenant-a", "shp_1", "order-1", "ups", "1Z1", null,
                new Location("Los Angeles", "CA", "US", "90001", null, null),
                new Location("Seattle", "WA", "US", "98101", 47.6062, -122.3321), null,
                new Contact("Jane Doe", "jane@example.com", "+1 206 555 0100"), "token", T0).withProgress(progress, new Outlook(null, null, null), T0);
    }

    @Test
    void showsTheTimelineNewestFirstWithoutPostalCodesOrMerchantIdentifiers() {
        List<TrackingEvent> events = List.of(event(1, "first"), event(3, "third"), event(2, "second"));

        TrackingView view = TrackingViews.of(shipment(events), events);

        assertThat(view.timeline()).extracting(TimelineEntry::message).containsExactly("third", "second", "first");
        assertThat(view.timeline().getFirst().location().postalCode()).isNull();
        assertThat(view.destination().postalCode()).isNull();
        // the town, for a pin on the map; never the street (a tenth of a degree is about 11 km)
        assertThat(view.destination().lat()).isEqualTo(47.6);
        assertThat(view.destination().lon()).isEqualTo(-122.3);
        String json = Json.write(view);
        assertThat(json).doesNotContain("tenant-a", "shp_1", "order-1", "98101", "90001", "Jane", "Doe", "jane@", "555", "47.6062", "122.3321");
        assertThat(view.recipient()).isEqualTo("J*** D***");
    }

    @Test
    void showsTheFirstEstimateOnlyWhenTheEstimateMoved() {
        List<TrackingEvent> events = List.of(event(1, "first"));
        EtaWindow first = new EtaWindow(T0, T0.plusSeconds(7200), T0.plusSeconds(14400), 0.8, EtaBasis.CARRIER_ESTIMATE, "+00:00");
        EtaWindow later = new EtaWindow(T0.plusSeconds(86400), T0.plusSeconds(93600), T0.plusSeconds(100800), 0.8, EtaBasis.CARRIER_ESTIMATE, "+00:00");
        Shipment estimated = shipment(events).withProgress(ShipmentFold.fold(events), new Outlook(first, null, null), T0);

        assertThat(TrackingViews.of(estimated, events).firstEta()).isNull();
        Shipment moved = estimated.withProgress(ShipmentFold.fold(events), new Outlook(later, null, null), T0);
        assertThat(TrackingViews.of(moved, events).firstEta()).isEqualTo(first);
        assertThat(TrackingViews.of(moved, events).eta()).isEqualTo(later);
    }

    @Test
    void staysUnderTheWebSocketMessageLimitWhateverTheCarrierSends() {
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(event(i, "x".repeat(500)));
        }

        TrackingView view = TrackingViews.of(shipment(events), events);

        assertThat(view.timeline()).hasSize(TrackingViews.MAX_TIMELINE_ENTRIES);
        assertThat(view.timelineTotal()).isEqualTo(1_000);
        assertThat(Json.write(view).getBytes(StandardCharsets.UTF_8).length).isLessThan(128 * 1024);
    }

    @Test
    void aViewFitsAWebSocketMessageWhateverTheCarriersSent() {
        // GIVEN 500 checkpoints with the longest texts, in characters that JSON escapes six bytes each
        List<TrackingEvent> events = new ArrayList<>();
        String escaped = "\u0001".repeat(100_000);
        for (int minute = 0; minute < 500; minute++) {
            Instant at = T0.plusSeconds(60L * minute);
            events.add(new TrackingEvent(EventIds.of("ups", "1Z1", "c" + minute, at, null), "ups", "1Z1", at, "-08:00", false, at,
                    Status.IN_TRANSIT, escaped, null, "c" + minute, escaped,
                    new Location(escaped, escaped, escaped, escaped, 47.6, -122.3), "test", null));
        }

        // WHEN the view is built
        TrackingView view = TrackingViews.of(shipment(events), events);

        // THEN it stays under 128 KB, keeps the newest checkpoints and says how many there are in all
        assertThat(Json.write(view).getBytes(StandardCharsets.UTF_8).length).isLessThan(128 * 1024);
        assertThat(view.timeline()).isNotEmpty();
        assertThat(view.timeline().getFirst().occurredAt()).isEqualTo(events.getLast().occurredAt());
        assertThat(view.timelineTotal()).isEqualTo(500);
    }
}
