package dev.tracklight.core.outbound;

/** Whether a subscription is sent its events. */
public enum SubscriptionStatus {
    ACTIVE,
    /** Turned off after failing for too long (or by the merchant); events are kept as failed deliveries to resend. */
    DISABLED
}
