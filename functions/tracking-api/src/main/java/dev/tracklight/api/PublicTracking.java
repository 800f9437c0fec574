package dev.tracklight.api;

import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.view.TrackingView;
import dev.tracklight.core.view.TrackingViews;

import java.util.Optional;

/** {@code GET /v1/track/{token}}: what the tracking page shows; no authentication, no PII. */
public final class PublicTracking {

    private final ShipmentStore shipments;

    public PublicTracking(ShipmentStore shipments) {
        this.shipments = shipments;
    }

    public TrackingView track(String token) throws ProblemException {
        return Optional.ofNullable(token).flatMap(shipments::findByToken)
                .map(shipment -> TrackingViews.of(shipment, shipments.events(shipment.shipmentId())))
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment for this tracking link")));
    }
}
