package dev.tracklight.api;

import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.order.Order;
import dev.tracklight.core.order.OrderStage;
import dev.tracklight.core.order.OrderView;
import dev.tracklight.core.order.OrderViews;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.view.ShipmentResource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/orders/{id}} and {@code POST /v1/orders/{id}/stages}: an order with its stages and parcels, and
 * the warehouse's steps a sales channel does not report (confirmed, packed).
 */
public final class OrdersApi {

    /** Clocks differ a little: a report this far ahead of ours is taken as now, one further ahead is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final List<OrderStage> REPORTED = Arrays.stream(OrderStage.values()).filter(OrderStage::isReported).toList();

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final String publicBaseUrl;
    private final Clock clock;

    public OrdersApi(OrderStore orders, ShipmentStore shipments, String publicBaseUrl, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** An order as its merchant reads it: the consumer's stages, its page, and each shipment in full. */
    public record OrderResource(String orderId, String orderUrl, List<OrderView.Stage> stages, List<ShipmentResource> shipments) {
    }

    /** A stage the merchant reports: its name, and when it was reached (now when left out). */
    public record StageReport(String stage, String at) {
    }

    public OrderResource get(Caller caller, String orderId) throws ProblemException {
        String id = requireOrderId(orderId);
        Optional<Order> order = orders.get(caller.tenantId(), id);
        List<Shipment> parcels = shipments.findByOrder(caller.tenantId(), id);
        if (order.isEmpty() && parcels.isEmpty()) {
            throw new ProblemException(Problem.notFound("no order " + id + ": register a shipment with this orderId, or report a stage"));
        }
        // an order registered before orders had pages has shipments and no order item: its stages still read from the parcels
        Order known = order.orElseGet(() -> new Order(caller.tenantId(), id, null, Map.of(), clock.instant(), null));
        return new OrderResource(id, known.token() == null ? null : publicBaseUrl + "/o/" + known.token(),
                OrderViews.of(known, parcels, null).stages(), parcels.stream().map(parcel -> ShipmentResource.of(parcel, publicBaseUrl)).toList());
    }

    /** Records a reported stage; a repeated or later report of a stage keeps the earliest time. */
    public OrderResource report(Caller caller, String orderId, String body) throws ProblemException {
        String id = requireOrderId(orderId);
        StageReport report = Bodies.read(body, StageReport.class, "a stage report ({\"stage\": \"PACKED\", \"at\": \"2026-12-04T08:00:00Z\"})");
        OrderStage stage = stage(report.stage());
        Instant now = clock.instant();
        Instant at = report.at() == null ? now : time(report.at(), now);
        orders.reach(orders.open(caller.tenantId(), id), stage, at);
        return get(caller, id);
    }

    private static String requireOrderId(String orderId) throws ProblemException {
        if (orderId == null || orderId.isBlank() || orderId.length() > Bounds.ORDER_ID) {
            throw new ProblemException(Problem.badRequest("an order id is 1 to " + Bounds.ORDER_ID + " characters"));
        }
        return orderId;
    }

    private static OrderStage stage(String name) throws ProblemException {
        if (name == null) {
            throw new ProblemException(Problem.badRequest("stage is required: one of " + REPORTED));
        }
        OrderStage stage = Arrays.stream(OrderStage.values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ProblemException(Problem.unprocessable("stage must be one of " + REPORTED + ", not '"
                        + Bounds.cut(name, Bounds.SHORT_TEXT) + "'")));
        if (!stage.isReported()) {
            throw new ProblemException(Problem.unprocessable(stage + " is read from the carrier's scans of the order's parcels, "
                    + "so it cannot be reported; report one of " + REPORTED));
        }
        return stage;
    }

    private static Instant time(String text, Instant now) throws ProblemException {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.unprocessable("at must be an ISO-8601 instant such as 2026-12-04T08:00:00Z"));
        }
        if (at.isBefore(Bounds.EARLIEST) || at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new ProblemException(Problem.unprocessable("at must lie between " + Bounds.EARLIEST + " and now: a stage is reported once reached"));
        }
        return at.isAfter(now) ? now : at;
    }
}
