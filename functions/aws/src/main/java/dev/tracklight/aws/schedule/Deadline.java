package dev.tracklight.aws.schedule;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;

/**
 * When a schedule run stops taking new work, so it ends on its own before Lambda's {@code Timeout} kills it (a killed
 * instance's next start is a cold one). What it leaves stays due in its index, and the next run, a minute later,
 * starts there.
 */
public final class Deadline {

    /** Kept for the item in hand and the run's last writes: a fifth of the invocation's time, at least this. */
    static final Duration RESERVE = Duration.ofSeconds(2);

    private final long stopAt;

    private Deadline(long stopAt) {
        this.stopAt = stopAt;
    }

    /** {@code budget} from now, by the monotonic clock (the handlers' own clocks may be fixed or ahead, in tests). */
    public static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** The invocation's remaining time less a reserve. */
    static Deadline of(Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration reserve = remaining.dividedBy(5).compareTo(RESERVE) > 0 ? remaining.dividedBy(5) : RESERVE;
        return after(remaining.minus(reserve));
    }

    /** For a caller with no time limit: a run from a test or an operator's command. */
    public static Deadline none() {
        return new Deadline(System.nanoTime() + Long.MAX_VALUE / 2);
    }

    public boolean passed() {
        return System.nanoTime() - stopAt >= 0;
    }
}
