package dev.tracklight.aws.observe;

/**
 * What became of an inbound webhook, logged and counted the same way for carriers and sales channels:
 * {@code WebhookAccepted} and {@code WebhookRefused} by {@code source} and, for refusals, {@code reason} (the
 * HTTP status answered, or {@code aws-unavailable}).
 */
public final class WebhookOutcomes {

    /** The dimension value for a source we have no adapter for: a scanner cannot add dimensions. */
    public static final String UNKNOWN = "unknown";

    private WebhookOutcomes() {
    }

    public static void accepted(String source) {
        Telemetry.count("WebhookAccepted", 1, "source", source);
        Telemetry.info("webhook accepted", "source", source);
    }

    public static void refused(String source, int status, String detail) {
        Telemetry.count("WebhookRefused", 1, "source", source, "reason", Integer.toString(status));
        Telemetry.info("webhook refused", "source", source, "status", status, "detail", detail);
    }

    public static void unavailable(String source, RuntimeException cause) {
        // the table or the queue is unreachable: nothing was accepted, and the sender's retry will be
        Telemetry.count("WebhookRefused", 1, "source", source, "reason", "aws-unavailable");
        Telemetry.error("webhook not accepted, AWS refused or unavailable", cause, "source", source);
    }
}
