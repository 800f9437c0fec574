package dev.tracklight.core.notify;

import dev.tracklight.core.model.Shipment;

import java.time.ZoneOffset;

/**
 * The recipient's offset from UTC, as the shipment knows it: the estimate's (the destination's local time), else the
 * latest scan's, else UTC. Carriers send offsets, not zones, so this is as near as the data comes.
 */
public final class RecipientClock {

    private RecipientClock() {
    }

    public static ZoneOffset offsetOf(Shipment shipment) {
        String offset = shipment.eta() != null && shipment.eta().localOffset() != null ? shipment.eta().localOffset()
                : shipment.lastEvent() == null ? null : shipment.lastEvent().localOffset();
        try {
            return offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
        } catch (RuntimeException unreadable) {
            return ZoneOffset.UTC;
        }
    }
}
