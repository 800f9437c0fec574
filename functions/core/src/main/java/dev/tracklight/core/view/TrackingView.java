package dev.tracklight.core.view;

import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.tenant.Branding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public view of a shipment: what the tracking page shows and what the WebSocket pushes. No contact
 * data (the recipient's name only masked), no merchant identifiers, places at city level.
 * {@code firstEta} is set only when the estimate has moved since it was first shown; {@code version} lets
 * a client drop stale pushes. {@code brand} is the merchant's public branding, on the view the page loads only.
 */
public record TrackingView(
        String token,
        String carrier,
        String trackingNumber,
        Status status,
        String subStatus,
        String recipient,
        Location origin,
        Location destination,
        LocalDate promisedDelivery,
        EtaWindow eta,
        EtaWindow firstEta,
        DelayAssessment delay,
        List<TimelineEntry> timeline,
        int timelineTotal,
        long version,
        Instant updatedAt,
        CarrierNotice carrierNotice,
        Branding brand) {

    /** The same view with what the consumer should know about the carrier's side, when there is something to say. */
    public TrackingView withCarrierNotice(CarrierNotice notice) {
        return new TrackingView(token, carrier, trackingNumber, status, subStatus, recipient, origin, destination, promisedDelivery, eta,
                firstEta, delay, timeline, timelineTotal, version, updatedAt, notice, brand);
    }

    /**
     * The same view with the merchant's branding: the page reads it once, from the view it loads, so pushes (which
     * the page merges into that view) do not carry it.
     */
    public TrackingView withBrand(Branding merchant) {
        return new TrackingView(token, carrier, trackingNumber, status, subStatus, recipient, origin, destination, promisedDelivery, eta,
                firstEta, delay, timeline, timelineTotal, version, updatedAt, carrierNotice, merchant);
    }
}
