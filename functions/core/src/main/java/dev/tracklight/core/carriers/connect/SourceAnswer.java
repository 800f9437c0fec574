package dev.tracklight.core.carriers.connect;

import java.time.Duration;
import java.util.Optional;

/** What a source answered to one call: its status, its body, and how long it asks us to wait when it said so. */
public record SourceAnswer(int status, String body, Optional<Duration> retryAfter) {

    public boolean ok() {
        return status / 100 == 2;
    }

    /** 429 and 5xx: the source cannot answer now, and the call is to be tried again later. */
    public boolean temporary() {
        return status == 429 || status >= 500;
    }

    public boolean credentialsRefused() {
        return status == 401 || status == 403;
    }
}
