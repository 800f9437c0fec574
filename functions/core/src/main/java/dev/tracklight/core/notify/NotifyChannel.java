package dev.tracklight.core.notify;

/** How a consumer is told: an e-mail (Amazon SES) or a text (Amazon SNS). */
public enum NotifyChannel {
    EMAIL,
    SMS
}
