package dev.tracklight.core.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The sizes and times Tracklight accepts, in one place. Each is far beyond what a real carrier, channel or
 * merchant sends, and well inside what the stores and the live page can hold: DynamoDB keys are at most
 * 2,048 bytes, a WebSocket message 128 KB, a bus event 256 KB.
 */
public final class Bounds {

    /** Our carrier codes and the aggregators' slugs: lower-case letters, digits and {@code . _ -}. */
    public static final Pattern CARRIER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The longest real numbers (USPS IMpb, SSCC with prefixes) have 34 characters. */
    public static final int TRACKING_NUMBER = 64;
    public static final int ORDER_ID = 128;
    public static final int SERVICE_LEVEL = 64;
    /** Ids and tokens Tracklight issues are shorter; anything longer cannot be one of them. */
    public static final int ISSUED_ID = 64;
    /** A checkpoint's text; carriers' longest real ones are a few hundred characters. */
    public static final int MESSAGE = 1000;
    /** Raw codes, sub-statuses, reasons and each part of a place. */
    public static final int SHORT_TEXT = 200;
    /**
     * A checkpoint may be this far ahead of its receipt (a carrier's clock or offset gone wrong); any age since
     * {@link #EARLIEST} is history a source may replay (published samples are years old).
     */
    public static final Duration EVENT_MAX_AHEAD = Duration.ofDays(2);
    /** A carrier's delivery estimate further ahead of the checkpoint's receipt than this is no estimate. */
    public static final Duration ESTIMATE_MAX_AHEAD = Duration.ofDays(400);
    /** Dates a merchant may name (a promise, {@code updatedSince}); the business calendar covers them. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Bounds() {
    }

    /** Text cut to {@code max} characters (never inside a surrogate pair), marked with an ellipsis when cut. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** True when {@code value} is a finite number within ±{@code limit} (a latitude's 90, a longitude's 180). */
    public static boolean coordinate(Double value, double limit) {
        return value != null && Double.isFinite(value) && Math.abs(value) <= limit;
    }
}
