package dev.tracklight.core.model;

/**
 * The lifecycle status of a shipment (docs/design.md §1). The rank orders the forward milestones; side
 * tracks (exception, failed attempt, return) may be entered from any point.
 */
public enum Status {
    PENDING(0),
    INFO_RECEIVED(1),
    PICKED_UP(2),
    IN_TRANSIT(3),
    OUT_FOR_DELIVERY(4),
    AVAILABLE_FOR_PICKUP(4),
    DELIVERY_ATTEMPTED(4),
    EXCEPTION(3),
    RETURNING(5),
    DELIVERED(6),
    RETURNED(6),
    CANCELLED(7),
    EXPIRED(7);

    private final int rank;

    Status(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** States a carrier may report at any time: they never count as going backwards. */
    public boolean isSideTrack() {
        return this == EXCEPTION || this == DELIVERY_ATTEMPTED || this == RETURNING;
    }

    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED || this == EXPIRED;
    }
}
