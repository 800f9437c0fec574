package dev.tracklight.core.model;

import java.time.Instant;

/**
 * A shipment cancelled by the merchant (API) or its sales channel, kept on the timeline like a carrier's
 * event so the fold decides the status: a parcel the carrier already delivered stays delivered.
 */
public final class Cancellations {

    private Cancellations() {
    }

    /**
     * @param source who cancelled: {@code merchant}, or the channel ({@code shopify}, …); with {@code at} it
     *               makes the event id, so the same cancellation told twice is one event
     */
    public static TrackingEvent of(Shipment shipment, String source, String message, Instant at) {
        return new TrackingEvent(EventIds.of(shipment.carrier(), shipment.trackingNumber(), source + "-cancel", at, null),
                shipment.carrier(), shipment.trackingNumber(), at, "+00:00", false, at, Status.CANCELLED, null,
                "cancelled by " + source, "CANCELLED", message, null, source, null);
    }
}
