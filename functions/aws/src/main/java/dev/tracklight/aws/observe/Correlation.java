package dev.tracklight.aws.observe;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows one webhook (or one poll, one API call) through every function it reaches: the queue
 * carries it as a message attribute, the bus in the event's detail, the logs as {@code correlation_id}.
 */
public final class Correlation {

    /** The SQS message attribute, the bus detail member and the HTTP header (case aside) that carry it. */
    public static final String ATTRIBUTE = "correlationId";
    public static final String HEADER = "x-correlation-id";

    /** What a caller may hand us: short and inert, so it cannot forge log fields or blow up a dimension. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private Correlation() {
    }

    /** The caller's id when it is acceptable, else {@code fallback} when given, else a fresh one. */
    public static String accept(String offered, String fallback) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return fallback != null && ACCEPTABLE.matcher(fallback).matches() ? fallback : fresh();
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
