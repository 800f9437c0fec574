package dev.tracklight.api;

import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.order.Order;
import dev.tracklight.core.order.OrderLookup;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/track/orders}: a consumer without the link finds an order's page by its number and the e-mail or
 * postcode it was ordered with. No key; limited per shop and client and per order, and a wrong detail is answered
 * exactly as an order that does not exist.
 */
public final class OrderLookupApi {

    private final OrderStore orders;
    private final ShipmentStore shipments;
    private final SourceQuota quota;
    private final String publicBaseUrl;

    public OrderLookupApi(OrderStore orders, ShipmentStore shipments, SourceQuota quota, String publicBaseUrl) {
        this.orders = orders;
        this.shipments = shipments;
        this.quota = quota;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** Where the order's page is. */
    public record Found(String orderUrl) {
    }

    public Found find(String body, String clientIp) throws ProblemException {
        OrderLookup lookup = Bodies.read(body, OrderLookup.class, "an order lookup ({\"shop\", \"orderNumber\", \"email\" or \"postcode\"})");
        List<String> problems = lookup.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.badRequest(String.join("; ", problems)));
        }
        take(lookup.shop(), "lookup-client#" + clientIp, OrderLookup.PER_CLIENT);
        take(lookup.shop(), "lookup-order#" + lookup.orderNumber(), OrderLookup.PER_ORDER);
        // the number on the buyer's receipt ("#1001") names the order; an order without one is found by its id
        String orderId = orders.orderIdOfNumber(lookup.shop(), lookup.orderNumber()).orElse(lookup.orderNumber());
        // the parcels are read whether or not the order exists, so a missing order costs what a wrong detail does
        Optional<Order> order = orders.get(lookup.shop(), orderId);
        boolean matches = lookup.matches(shipments.findByOrder(lookup.shop(), orderId));
        return order.filter(found -> matches && found.token() != null)
                .map(found -> new Found(publicBaseUrl + "/o/" + found.token()))
                .orElseThrow(() -> new ProblemException(Problem.notFound(
                        "no order matches these details; check the order number and the e-mail or postcode it was placed with")));
    }

    private void take(String shop, String counter, RateLimit limit) throws ProblemException {
        if (!quota.take(shop, counter, limit)) {
            throw new ProblemException(Problem.of(429, "Too Many Lookups", "at most " + limit.calls() + " lookups every "
                    + limit.per().toMinutes() + " minutes; try again later, or use the link in your order's message"));
        }
    }
}
