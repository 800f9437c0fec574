package dev.tracklight.local.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** How long a function's invocations took in all, as Lambda bills them: the event handed over to the answer, no cold start. */
public final class Busy {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();

    public void add(Duration took) {
        nanos.addAndGet(took.toNanos());
        invocations.incrementAndGet();
    }

    public long invocations() {
        return invocations.get();
    }

    public Duration total() {
        return Duration.ofNanos(nanos.get());
    }
}
