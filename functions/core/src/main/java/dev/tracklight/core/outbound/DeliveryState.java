package dev.tracklight.core.outbound;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryState {
    /** Due to be sent (again) at its {@code nextAttemptAt}. */
    PENDING,
    /** A 2xx answer was received; never sent again unless the merchant asks for a resend. */
    DELIVERED,
    /** Retries ran out or the subscription was disabled; the merchant can resend it. */
    FAILED
}
