package dev.tracklight.core.order;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.tenant.Branding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Builds an order's public view from the order and its parcels: the later stages and the estimate come from the parcels. */
public final class OrderViews {

    /** Parcels that will not reach the consumer: they neither hold the order back nor count as its delivery. */
    private static final Set<Status> NOT_ARRIVING = Set.of(Status.CANCELLED, Status.RETURNING, Status.RETURNED, Status.EXPIRED);

    private OrderViews() {
    }

    public static OrderView of(Order order, List<Shipment> shipments, Branding brand) {
        List<Shipment> parcels = shipments.stream()
                .sorted(Comparator.comparing(Shipment::createdAt).thenComparing(Shipment::shipmentId)).toList();
        List<Shipment> arriving = parcels.stream().filter(parcel -> !NOT_ARRIVING.contains(parcel.status())).toList();
        Instant shipped = earliest(parcels.stream().map(parcel -> parcel.milestones() == null ? null : parcel.milestones().handOff()).toList());
        boolean allDelivered = !arriving.isEmpty() && arriving.stream().allMatch(parcel -> parcel.status() == Status.DELIVERED);
        Instant delivered = allDelivered ? latest(arriving.stream().map(OrderViews::deliveredAt).toList()) : null;

        Map<OrderStage, Instant> reached = new EnumMap<>(OrderStage.class);
        reached.putAll(order.reported());
        reached.keySet().removeIf(stage -> !stage.isReported());
        if (shipped != null) {
            reached.put(OrderStage.SHIPPED, shipped);
        }
        if (allDelivered) {
            reached.put(OrderStage.DELIVERED, delivered);
        }
        List<OrderView.Stage> stages = new ArrayList<>();
        OrderStage furthest = reached.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
        for (OrderStage stage : OrderStage.values()) {
            // an order we know of was placed, even when no channel said when
            boolean done = stage == OrderStage.PLACED || furthest != null && stage.compareTo(furthest) <= 0;
            stages.add(new OrderView.Stage(stage, reached.get(stage), done));
        }

        List<EtaWindow> travelling = allDelivered ? List.of() : arriving.stream()
                .filter(parcel -> parcel.status() != Status.DELIVERED).map(Shipment::eta).filter(Objects::nonNull).toList();
        List<Instant> updates = new ArrayList<>(parcels.stream().map(Shipment::updatedAt).toList());
        updates.addAll(reached.values());
        return new OrderView(order.token(), order.number() != null ? order.number() : order.orderId(), stages, parcels.stream().map(OrderViews::parcel).toList(),
                lastToArrive(travelling), latestDay(arriving.stream().map(Shipment::promisedDelivery).toList()),
                delivered, latest(updates), brand);
    }

    private static OrderParcel parcel(Shipment shipment) {
        return new OrderParcel(shipment.trackingToken(), shipment.carrier(), shipment.trackingNumber(), shipment.status(),
                shipment.lastEvent() == null ? null : Bounds.cut(shipment.lastEvent().rawMessage(), Bounds.SHORT_TEXT), shipment.eta(),
                shipment.delay(), deliveredAt(shipment), shipment.updatedAt());
    }

    private static Instant deliveredAt(Shipment shipment) {
        return shipment.status() == Status.DELIVERED && shipment.lastEvent() != null ? shipment.lastEvent().occurredAt() : null;
    }

    /**
     * The order is complete when its last parcel arrives: each edge is the latest of the parcels' edges, the
     * confidence the least of theirs, and the basis and offset those of the parcel expected last.
     */
    private static EtaWindow lastToArrive(List<EtaWindow> windows) {
        if (windows.isEmpty()) {
            return null;
        }
        if (windows.size() == 1) {
            return windows.getFirst();
        }
        EtaWindow last = windows.stream().max(Comparator.comparing(EtaWindow::likely)).orElseThrow();
        return new EtaWindow(latestOf(windows, EtaWindow::early), last.likely(), latestOf(windows, EtaWindow::late),
                windows.stream().mapToDouble(EtaWindow::confidence).min().orElseThrow(), last.basis(), last.localOffset(),
                latestDay(windows.stream().map(EtaWindow::estimatedDeliveryDate).toList()),
                windows.stream().map(EtaWindow::lateProbability).filter(Objects::nonNull).max(Double::compare).orElse(null),
                windows.stream().map(EtaWindow::lateWarning).filter(Objects::nonNull).reduce(Boolean::logicalOr).orElse(null));
    }

    private static Instant latestOf(List<EtaWindow> windows, Function<EtaWindow, Instant> edge) {
        return latest(windows.stream().map(edge).toList());
    }

    private static Instant earliest(List<Instant> moments) {
        return moments.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant latest(List<Instant> moments) {
        return moments.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    private static LocalDate latestDay(List<LocalDate> days) {
        return days.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
