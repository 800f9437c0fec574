package dev.tracklight.core.carriers.connect;

import java.time.Duration;
import java.time.Instant;

/** How many calls one account may make to a source in each window of {@code per}: the source's documented rate limit. */
public record RateLimit(int calls, Duration per) {

    public static final RateLimit DEFAULT = perMinute(60);

    public RateLimit {
        if (calls < 1 || per.toSeconds() < 1) {
            throw new IllegalArgumentException("a rate limit is at least one call in at least a second");
        }
    }

    /** The start of the window {@code now} falls in: windows are aligned to the epoch, as a source's reset is to the clock. */
    public Instant windowStart(Instant now) {
        long seconds = per.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    public Instant windowEnd(Instant now) {
        return windowStart(now).plus(per);
    }

    public static RateLimit perMinute(int calls) {
        return new RateLimit(calls, Duration.ofMinutes(1));
    }
}
