package dev.tracklight.api;

import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.PublicViews;
import dev.tracklight.core.order.OrderView;
import dev.tracklight.core.order.OrderViews;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.view.TrackingView;

import java.util.Optional;

/**
 * {@code GET /v1/track/{token}} and {@code GET /v1/track/orders/{token}}: what a parcel's and an order's pages show,
 * in the merchant's branding; no authentication, no PII.
 */
public final class PublicTracking {

    private final ShipmentStore shipments;
    private final OrderStore orders;
    private final PublicViews views;
    private final BrandingStore branding;

    public PublicTracking(ShipmentStore shipments, OrderStore orders, PublicViews views, BrandingStore branding) {
        this.shipments = shipments;
        this.orders = orders;
        this.views = views;
        this.branding = branding;
    }

    public TrackingView track(String token) throws ProblemException {
        return Optional.ofNullable(token).flatMap(shipments::findByToken)
                .map(shipment -> views.of(shipment).withBrand(branding.cached(shipment.tenantId()).orElse(null)))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment for this tracking link")));
    }

    public OrderView trackOrder(String token) throws ProblemException {
        return Optional.ofNullable(token).flatMap(orders::findByToken)
                .map(order -> OrderViews.of(order, shipments.findByOrder(order.tenantId(), order.orderId()),
                        branding.cached(order.tenantId()).orElse(null)))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no order for this link")));
    }
}
