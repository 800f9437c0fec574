package dev.tracklight.core.outbound;

import java.time.Instant;

/**
 * One try at a delivery: the receiver's HTTP status, or why there was none (refused destination, timeout,
 * connection error), and how long it took.
 */
public record DeliveryAttempt(Instant at, Integer statusCode, String error, long durationMillis) {

    /** Longest error text kept: a receiver's error page is not ours to store. */
    static final int MAX_ERROR_CHARS = 300;

    public static DeliveryAttempt answered(Instant at, int statusCode, long durationMillis) {
        return new DeliveryAttempt(at, statusCode, null, durationMillis);
    }

    public static DeliveryAttempt unanswered(Instant at, String error, long durationMillis) {
        String text = error == null ? "no answer" : error;
        return new DeliveryAttempt(at, null, text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text, durationMillis);
    }

    /** Only a 2xx counts: a redirect is not followed (it could point anywhere) and so is a failure. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
