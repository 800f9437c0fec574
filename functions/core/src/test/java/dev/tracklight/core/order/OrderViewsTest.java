package dev.tracklight.core.order;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.tenant.Branding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final Order ORDER = new Order("tenant-a", "1001", "order-token",
            Map.of(OrderStage.PLACED, T0, OrderStage.CONFIRMED, T0.plusSeconds(60)), T0, null);

    private static Shipment parcel(String id, int createdMinute, EtaWindow eta, Status... scans) {
        Instant created = T0.plus(Duration.ofMinutes(createdMinute));
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < scans.length; i++) {
            Instant at = T0.plus(Duration.ofHours(2 + i)).plus(Duration.ofMinutes(createdMinute));
            events.add(new TrackingEvent(EventIds.of("sf-express", id, "c" + i, at, null), "sf-express", id, at, "+08:00", false, at,
                    scans[i], null, null, "c" + i, "<b>scan</b> " + i, new Location("Hangzhou", "ZJ", "CN", "310000", 30.3, 120.2), "test", null));
        }
        return Shipment.registered("tenant-a", "shp_" + id, "1001", "sf-express", id, null, null, null, LocalDate.parse("2026-11-24"),
                        new Contact("Li Lei", "li@example.com", "+86 138 0000 0000"), "token-" + id, created)
                .withOrderToken("order-token").withProgress(ShipmentFold.fold(events), new Outlook(eta, null, null), created);
    }

    private static EtaWindow window(int earlyHours, int likelyHours, int lateHours, double confidence, String edd) {
        return new EtaWindow(T0.plus(Duration.ofHours(earlyHours)), T0.plus(Duration.ofHours(likelyHours)), T0.plus(Duration.ofHours(lateHours)),
                confidence, EtaBasis.LANE_HISTORY, "+08:00", LocalDate.parse(edd), 0.1, false);
    }

    @Test
    void beforeAnyParcelMovesTheOrderShowsItsReportedStagesAndNoEstimate() {
        // GIVEN an order placed and paid, packed by the warehouse, with no parcel yet
        Order packed = new Order("tenant-a", "1001", "order-token", Map.of(OrderStage.PLACED, T0, OrderStage.PACKED, T0.plusSeconds(3600)), T0, null);

        // WHEN its view is built
        OrderView view = OrderViews.of(packed, List.of(), null);

        // THEN the stages up to packed are done (confirmed too: the warehouse packed it), nothing ships or arrives yet
        assertThat(view.stages()).extracting(OrderView.Stage::stage).containsExactly(OrderStage.values());
        assertThat(view.stages()).extracting(OrderView.Stage::done).containsExactly(true, true, true, false, false);
        assertThat(view.stages().get(1).at()).isNull();
        assertThat(view.stages().get(2).at()).isEqualTo(T0.plusSeconds(3600));
        assertThat(view.parcels()).isEmpty();
        assertThat(view.eta()).isNull();
        assertThat(view.deliveredAt()).isNull();
    }

    @Test
    void theOrderShipsWithItsFirstParcelAndIsExpectedWhenItsLastParcelIs() {
        // GIVEN two parcels on their way, the second expected later and less surely
        Shipment first = parcel("SF1", 0, window(24, 30, 36, 0.8, "2026-11-22"), Status.PICKED_UP, Status.IN_TRANSIT);
        Shipment second = parcel("SF2", 5, window(30, 48, 60, 0.6, "2026-11-23"), Status.PICKED_UP);

        // WHEN the order's view is built (in any order of its parcels)
        OrderView view = OrderViews.of(ORDER, List.of(second, first), new Branding("Lotus Tea House", null, null, null, null, null, List.of()));

        // THEN it shipped at the first hand-off, lists its parcels as registered, and waits for the later one
        assertThat(view.stages().get(3)).isEqualTo(new OrderView.Stage(OrderStage.SHIPPED, T0.plus(Duration.ofHours(2)), true));
        assertThat(view.stages().get(4).done()).isFalse();
        assertThat(view.parcels()).extracting(OrderParcel::trackingNumber).containsExactly("SF1", "SF2");
        assertThat(view.parcels().getFirst().lastMessage()).isEqualTo("<b>scan</b> 1");
        assertThat(view.eta().early()).isEqualTo(T0.plus(Duration.ofHours(30)));
        assertThat(view.eta().likely()).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(view.eta().late()).isEqualTo(T0.plus(Duration.ofHours(60)));
        assertThat(view.eta().confidence()).isEqualTo(0.6);
        assertThat(view.eta().estimatedDeliveryDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(view.brand().name()).isEqualTo("Lotus Tea House");
        // no contact data and no merchant identifiers beyond the order number the consumer was given
        assertThat(Json.write(view)).doesNotContain("tenant-a", "shp_", "Li Lei", "li@example.com", "138", "310000");
    }

    @Test
    void anOrderIsDeliveredWhenEveryParcelThatWillArriveHasAndACancelledOneDoesNotHoldItBack() {
        // GIVEN one parcel delivered, one cancelled
        Shipment delivered = parcel("SF1", 0, null, Status.PICKED_UP, Status.DELIVERED);
        Shipment cancelled = parcel("SF2", 5, window(30, 48, 60, 0.6, "2026-11-23"), Status.CANCELLED);

        // WHEN the view is built
        OrderView view = OrderViews.of(ORDER, List.of(delivered, cancelled), null);

        // THEN the order is delivered when its parcel was, with nothing left to estimate
        assertThat(view.deliveredAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
        assertThat(view.stages()).extracting(OrderView.Stage::done).containsOnly(true);
        assertThat(view.eta()).isNull();
        assertThat(view.parcels().getFirst().deliveredAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void aParcelStillTravellingKeepsTheOrderOpenAndOnlyItsEstimateCounts() {
        // GIVEN one parcel delivered and one on its way
        Shipment delivered = parcel("SF1", 0, window(1, 2, 3, 0.9, "2026-11-20"), Status.DELIVERED);
        Shipment travelling = parcel("SF2", 5, window(30, 48, 60, 0.6, "2026-11-23"), Status.IN_TRANSIT);

        OrderView view = OrderViews.of(ORDER, List.of(delivered, travelling), null);

        assertThat(view.deliveredAt()).isNull();
        assertThat(view.stages().get(4).done()).isFalse();
        assertThat(view.eta()).isEqualTo(travelling.eta());
    }

    @Test
    void anOrderKnownOnlyFromARegisteredParcelWasPlacedAtATimeNobodyToldUs() {
        // GIVEN an order no channel reported, with a parcel whose label is made but not handed over
        Order unreported = new Order("tenant-a", "1002", "order-token", Map.of(), T0, "#1002");
        Shipment labelled = parcel("SF3", 0, null, Status.INFO_RECEIVED);

        OrderView view = OrderViews.of(unreported, List.of(labelled), null);

        // THEN it is placed, at no stated time, and nothing later is done
        assertThat(view.stages().getFirst()).isEqualTo(new OrderView.Stage(OrderStage.PLACED, null, true));
        assertThat(view.stages()).extracting(OrderView.Stage::done).containsExactly(true, false, false, false, false);
        assertThat(view.orderNumber()).as("the number its buyer was given, not the channel's id").isEqualTo("#1002");
        assertThat(OrderNumbers.normalize(" #1002 ")).isEqualTo(OrderNumbers.normalize("1002"));
    }
}
