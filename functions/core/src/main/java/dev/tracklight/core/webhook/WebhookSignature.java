package dev.tracklight.core.webhook;


import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Tracklight's webhook signature, the same both ways: carriers and integrators sign what they post to our
 * generic endpoint with it, and we sign what we post to merchants. Merchants know a delivery is ours and fresh: {@code Tracklight-Signature: v1=<hex>} is the HMAC-SHA256,
 * under the subscription's secret, of {@code <Tracklight-Timestamp>.<raw body>}. The timestamp (epoch seconds)
 * is signed so a captured delivery cannot be replayed later; the event id lets the receiver drop a repeat.
 */
public final class WebhookSignature {

    public static final String EVENT_ID_HEADER = "Tracklight-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Tracklight-Event-Type";
    public static final String TIMESTAMP_HEADER = "Tracklight-Timestamp";
    public static final String SIGNATURE_HEADER = "Tracklight-Signature";
    public static final String ATTEMPT_HEADER = "Tracklight-Delivery-Attempt";
    /** What receivers should accept between our clock and theirs (the value our own tests verify with). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SCHEME = "v1=";

    private WebhookSignature() {
    }

    /** The {@code Tracklight-Signature} value for a body sent at {@code timestamp}. */
    public static String sign(String secret, long timestamp, String body) {
        return SCHEME + HmacSha256.signHex(secret, timestamp + "." + body);
    }

    /**
     * What a receiver does: true when {@code signatureHeader} carries a v1 signature of this body at this
     * timestamp, and the timestamp is within {@link #TOLERANCE} of {@code now}; see {@link #matches}.
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader, Instant now) {
        if (secret == null || timestampHeader == null || body == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        return within(timestamp, now, TOLERANCE) && matches(secret, timestamp, body, signatureHeader);
    }

    /**
     * True when epoch second {@code timestamp} is within {@code tolerance} of {@code now}; compared as numbers,
     * because any long can arrive in the header and most are outside what {@link Instant} holds.
     */
    public static boolean within(long timestamp, Instant now, Duration tolerance) {
        long seconds = now.getEpochSecond();
        return timestamp >= seconds - tolerance.toSeconds() && timestamp <= seconds + tolerance.toSeconds();
    }

    /** True when any of the header's signatures (separated by commas or spaces, during a key rotation) is this body's at this timestamp. */
    public static boolean matches(String secret, long timestamp, String body, String signatureHeader) {
        return Arrays.stream(signatureHeader.trim().split("[,\\s]+"))
                .filter(candidate -> candidate.startsWith(SCHEME))
                .anyMatch(candidate -> HmacSha256.matchesHex(secret, timestamp + "." + body, candidate.substring(SCHEME.length())));
    }
}
