package dev.tracklight.core.eta;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.model.Shipment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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

    /**
     * The lesson a delivery teaches, or empty when it is not {@link #teachable}.
     *
     * @param zone the destination's offset, in which the engine reads every time
     */
    public static Optional<TransitLesson> lesson(Shipment delivered, Instant handedOver, Instant deliveredAt, ZoneOffset zone, Instant now) {
        if (!teachable(handedOver, deliveredAt, now)) {
            return Optional.empty();
        }
        return Optional.of(new TransitLesson(delivered.shipmentId(), delivered.tenantId(), ShipmentTransit.country(delivered),
                ShipmentTransit.features(delivered, handedOver, zone), LocalDateTime.ofInstant(deliveredAt, zone)));
    }

    /**
     * An engine's state after learning these lessons in order, each scored against what the engine predicted at
     * its hand-off before learning it: the same as learning them one delivery at a time.
     *
     * @param saved what the engine had learnt, null before its first delivery
     */
    public static TransitEngine.Snapshot teach(TransitEngine.Snapshot saved, List<TransitLesson> lessons) {
        TransitEngine.Snapshot learnt = saved;
        TransitEngine engine = null;
        String country = null;
        for (TransitLesson lesson : lessons) {
            // an engine measures on one calendar; restoring it on another costs per lane, so only when the country changes
            if (!lesson.country().equals(country)) {
                learnt = engine == null ? learnt : engine.snapshot();
                country = lesson.country();
                engine = learnt == null ? new TransitEngine(ShipmentTransit.clock(country)) : new TransitEngine(ShipmentTransit.clock(country), learnt);
            }
            TransitFeatures features = lesson.features();
            engine.learn(features, lesson.deliveredAt(), engine.deliveries() == 0 ? null : engine.predict(features, features.handedOverAt()));
        }
        return engine == null ? learnt : engine.snapshot();
    }
}
