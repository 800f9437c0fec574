package dev.tracklight.core.state;

import dev.tracklight.core.model.Milestones;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides a shipment's status from its set of events (docs/design.md §1). The result depends only on the set,
 * never on arrival order: events are folded in the order they happened, so a late or duplicated webhook
 * ends in exactly the state of the sorted, de-duplicated stream.
 */
public final class ShipmentFold {

    /** Time order, with the event id as a stable tie-break for checkpoints stamped the same second. */
    public static final Comparator<TrackingEvent> CHRONOLOGICAL =
            Comparator.comparing(TrackingEvent::occurredAt).thenComparing(TrackingEvent::eventId);

    private ShipmentFold() {
    }

    public static Progress fold(Collection<TrackingEvent> events) {
        return continueFrom(Progress.NONE, distinctInOrder(events));
    }

    /**
     * True when {@code events} can be folded onto {@code progress} without the rest of the timeline: the
     * shipment keeps its milestones and every event is newer than the newest one folded so far.
     */
    public static boolean canAdvance(Progress progress, Collection<TrackingEvent> events) {
        return progress.milestones() != null && events.stream().allMatch(event -> isNewer(event, progress));
    }

    /** True when the event comes after every event folded into {@code progress}. */
    public static boolean isNewer(TrackingEvent event, Progress progress) {
        return progress.lastEvent() == null || CHRONOLOGICAL.compare(event, progress.lastEvent()) > 0;
    }

    /**
     * The progress after {@code newer} events, from the progress of those before them: the same as folding
     * the whole set, at the cost of the new events only.
     *
     * @throws IllegalArgumentException when {@link #canAdvance} does not hold
     */
    public static Progress advance(Progress progress, Collection<TrackingEvent> newer) {
        if (!canAdvance(progress, newer)) {
            throw new IllegalArgumentException("advance takes events newer than the last one folded, onto kept milestones");
        }
        return continueFrom(progress, distinctInOrder(newer));
    }

    private static List<TrackingEvent> distinctInOrder(Collection<TrackingEvent> events) {
        return events.stream()
                .collect(Collectors.toMap(TrackingEvent::eventId, e -> e, (first, duplicate) -> first))
                .values().stream().sorted(CHRONOLOGICAL).toList();
    }

    private static Progress continueFrom(Progress from, List<TrackingEvent> ordered) {
        Status status = from.status();
        String subStatus = from.subStatus();
        Milestones milestones = from.milestones();
        Status furthest = milestones.furthest();
        TrackingEvent last = from.lastEvent();
        for (TrackingEvent event : ordered) {
            last = event;
            if (event.changesStatus() && mayMove(status, furthest.rank(), event.status())) {
                status = event.status();
                subStatus = event.subStatus();
                if (!status.isSideTrack() && status.rank() > furthest.rank()) {
                    furthest = status;
                }
            } else if (event.changesStatus() && event.status() == status) {
                subStatus = event.subStatus();
            }
            milestones = milestones.with(event, furthest);
        }
        return new Progress(status, subStatus, last, from.eventCount() + ordered.size(), milestones);
    }

    /**
     * Forward only, except into a side track; a terminal status is left only for a side track
     * (a later explicit carrier event such as a return or an exception after delivery).
     */
    static boolean mayMove(Status current, int furthestRank, Status target) {
        if (target == current) {
            return false;
        }
        if (target.isSideTrack()) {
            return true;
        }
        if (current.isTerminal()) {
            return target.isTerminal() && target.rank() > current.rank();
        }
        return target.rank() >= furthestRank;
    }
}
