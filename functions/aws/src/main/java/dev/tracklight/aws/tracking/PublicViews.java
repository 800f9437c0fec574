package dev.tracklight.aws.tracking;

import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.view.CarrierNotice;
import dev.tracklight.core.view.TrackingView;
import dev.tracklight.core.view.TrackingViews;

/**
 * The view a consumer's page opens with (the API's {@code GET /v1/track/{token}} and the socket's {@code subscribe}):
 * before the first scan it says why, when the carrier's side knows (the subscription is read only then).
 */
public final class PublicViews {

    private final TimelineStore timeline;
    private final SubscriptionStore subscriptions;

    public PublicViews(TimelineStore timeline, SubscriptionStore subscriptions) {
        this.timeline = timeline;
        this.subscriptions = subscriptions;
    }

    public TrackingView of(Shipment shipment) {
        TrackingView view = TrackingViews.of(shipment, timeline.newest(shipment.shipmentId(), TrackingViews.MAX_TIMELINE_ENTRIES));
        // the subscription is read only where a notice can apply
        return CarrierNotice.applies(shipment.status()) ? view.withCarrierNotice(CarrierNotice.of(shipment.status(), subscriptions.get(shipment.shipmentId()).orElse(null)))
                : view;
    }
}
