package dev.tracklight.core.notify;

/** One message to a consumer: an e-mail's subject, text and HTML parts, or a text message (sms). */
public record ConsumerMessage(String subject, String text, String html, String sms) {
}
