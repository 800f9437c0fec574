package dev.tracklight.core.carriers.connect;

/** Where a shipment's subscription at its source stands (docs/carriers.md). */
public enum SubscriptionState {
    /** Asked for; the subscriber has not had the source's answer yet. */
    REQUESTED,
    /** The source follows the number and pushes its changes. */
    ACTIVE,
    /** The source pushes nothing: Tracklight asks it on the stage's freshness target (docs/carriers.md). */
    POLLED,
    /** The source refused the number (not its format, not a number it knows): the merchant must check it. */
    REFUSED,
    /** The tenant has no carrier account that serves this carrier: only platform-wide pushes can reach it. */
    NO_ACCOUNT,
    /** The source refused the tenant's credentials; the carrier account needs new ones. */
    CREDENTIALS_REFUSED,
    /** The source stayed unreachable through every retry; the request is parked for replay. */
    FAILED,
    /** The shipment ended (delivered, returned, cancelled, expired): nothing more to follow. */
    ENDED;

    /** States whose source follows the number, so it can be asked: polled, or a push source read as a safety net. */
    public boolean isAskable() {
        return this == ACTIVE || this == POLLED;
    }

    /** States a repeated subscribe request leaves as they are, so a redelivered message creates nothing twice. */
    public boolean isSettled() {
        return isAskable() || this == REFUSED || this == ENDED;
    }
}
