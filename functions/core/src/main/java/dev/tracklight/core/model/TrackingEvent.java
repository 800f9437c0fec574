package dev.tracklight.core.model;

import java.time.Instant;

/**
 * One carrier checkpoint in the canonical model. {@code status} is null for informational rows that
 * must join the timeline without changing the shipment's state.
 *
 * @param localOffset    the UTC offset the carrier gave for {@code occurredAt}, e.g. {@code +08:00}
 * @param offsetInferred true when the carrier gave local time without an offset and we resolved it
 */
public record TrackingEvent(
        String eventId,
        String carrier,
        String trackingNumber,
        Instant occurredAt,
        String localOffset,
        boolean offsetInferred,
        Instant receivedAt,
        Status status,
        String subStatus,
        String reason,
        String rawCode,
        String rawMessage,
        Location location,
        String source,
        Instant carrierEta) {

    public boolean changesStatus() {
        return status != null;
    }
}
