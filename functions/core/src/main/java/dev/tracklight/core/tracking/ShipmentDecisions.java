package dev.tracklight.core.tracking;

import dev.tracklight.core.analytics.JourneyTally;
import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.delay.DelayAssessor;
import dev.tracklight.core.delay.DelayPolicy;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.eta.EtaEstimator;
import dev.tracklight.core.model.Delivery;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Given a shipment, the progress its events make now, and the time: what the shipment becomes, and what
 * must be announced of it. The processor's decisions, all here; the stores around them read and write.
 */
public final class ShipmentDecisions {

    private ShipmentDecisions() {
    }

    /**
     * @param progress  the fold of every event the shipment has, this batch's included
     * @param engine    the tenant's transit engine, when {@link EtaEstimator#mayUseEngine} said it is worth reading
     */
    public static Decision decide(Shipment current, Progress progress, Optional<TransitEngine> engine, DelayPolicy policy, Instant now) {
        // the estimate shown stays until the new one differs noticeably, so a repeated event changes nothing
        Optional<EtaWindow> eta = EtaEstimator.estimate(current, progress, engine, now)
                .map(fresh -> fresh.differsNoticeablyFrom(current.eta()) ? fresh : current.eta());
        Outlook outlook = DelayAssessor.outlook(current, progress, eta, policy, now);
        boolean changed = !current.showsTheSameAs(progress, outlook);
        Shipment next = changed ? current.withProgress(progress, outlook, now) : current;
        Optional<Delivery> delivery = changed ? delivery(current, next) : Optional.empty();
        Tally outcomes = changed ? JourneyTally.outcomes(current, next, delivery, policy.sla().limit(Stage.FIRST_MILE)) : Tally.EMPTY;
        return new Decision(next, changed, delivery, outcomes);
    }

    /**
     * What must go out about the shipment as stored, given what was last announced of it: nothing when its
     * version was; else its view, a changed delay verdict, and the end of its subscription once it ended
     * (asked again with every unannounced version of an ended shipment, so a crash cannot lose it).
     */
    public static Optional<Announcement> announcement(Shipment stored, Announced announced) {
        return announced.version() >= stored.version() ? Optional.empty()
                : Optional.of(new Announcement(stored, announced.delay(), DelaySignal.between(announced.delay(), stored),
                        stored.status().isTerminal()));
    }

    private static Optional<Delivery> delivery(Shipment before, Shipment after) {
        if (after.status() != Status.DELIVERED || before.status() == Status.DELIVERED) {
            return Optional.empty();
        }
        TrackingEvent scan = after.lastEvent();
        return Optional.of(new Delivery(after.milestones().handOff(), scan.occurredAt(), ZoneOffset.of(scan.localOffset()), before.eta()));
    }
}
