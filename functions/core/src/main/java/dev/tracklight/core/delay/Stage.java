package dev.tracklight.core.delay;

import dev.tracklight.core.model.Status;

/**
 * Where a parcel is in its journey, for how long it may go without a scan. Our statuses do not tell a
 * hub's dwell from the line haul, so both are {@link #LINE_HAUL}.
 */
public enum Stage {
    /** Label created, not handed to the carrier yet. */
    FIRST_MILE,
    /** With the carrier, between origin and the delivery station. */
    LINE_HAUL,
    /** On the van, or after a failed attempt. */
    LAST_MILE,
    /** Waiting at a pick-up point or locker. */
    PICKUP_POINT,
    /** Held by an exception, or on its way back. */
    EXCEPTION;

    public static Stage of(Status status) {
        return switch (status) {
            case PENDING, INFO_RECEIVED -> FIRST_MILE;
            case OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED -> LAST_MILE;
            case AVAILABLE_FOR_PICKUP -> PICKUP_POINT;
            case EXCEPTION, RETURNING -> EXCEPTION;
            default -> LINE_HAUL;
        };
    }
}
