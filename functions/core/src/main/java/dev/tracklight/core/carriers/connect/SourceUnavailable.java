package dev.tracklight.core.carriers.connect;

import java.time.Duration;
import java.util.Optional;

/** A source that could not answer (timeout, 429, 5xx, a body we cannot read): the call is retried with backoff. */
public final class SourceUnavailable extends Exception {

    private final transient Optional<Duration> retryAfter;

    public SourceUnavailable(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the source asked us to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
