package dev.tracklight.core.eta;

import dev.tracklight.core.admission.Bounds;

import java.time.Duration;
import java.time.Instant;

/**
 * What a delivery may teach the transit engine, and whose engine estimates for whom. Each tenant's engine
 * learns only that tenant's deliveries; a tenant with too few of its own is estimated from a prior shared by
 * all tenants, to which each tenant adds at most {@link #PRIOR_SHARE_PER_DAY} deliveries a day, so one busy
 * tenant (or one whose data is wrong) weighs no more in it than any other. docs/eta.md §"Per tenant".
 */
public final class TransitLessons {

    /** Longer than any parcel network's real transit: a delivery beyond it is a data error, not a slow lane. */
    public static final Duration LONGEST_TRANSIT = Duration.ofDays(90);
    /** Deliveries a tenant needs of its own before its engine, not the prior, estimates for it. */
    public static final long OWN_DELIVERIES_NEEDED = 30;
    /** Deliveries one tenant may add to the shared prior per UTC day. */
    public static final int PRIOR_SHARE_PER_DAY = 20;

    private TransitLessons() {
    }

    /**
     * True when a delivery is plausible enough to learn from: handed over after {@link Bounds#EARLIEST}, delivered
     * after the hand-off, within {@link #LONGEST_TRANSIT}, and not after {@code now} (plus the clock skew a scan may have).
     */
    public static boolean teachable(Instant handedOver, Instant deliveredAt, Instant now) {
        return !handedOver.isBefore(Bounds.EARLIEST) && deliveredAt.isAfter(handedOver)
                && Duration.between(handedOver, deliveredAt).compareTo(LONGEST_TRANSIT) <= 0
                && !deliveredAt.isAfter(now.plus(Bounds.EVENT_MAX_AHEAD));
    }

    /** Whether a tenant's own engine, having learnt {@code ownDeliveries}, estimates for it rather than the prior. */
    public static boolean ownEngineEstimates(long ownDeliveries) {
        return ownDeliveries >= OWN_DELIVERIES_NEEDED;
    }
}
