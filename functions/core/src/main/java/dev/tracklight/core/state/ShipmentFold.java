package dev.tracklight.core.state;

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
        List<TrackingEvent> ordered = events.stream()
                .collect(Collectors.toMap(TrackingEvent::eventId, e -> e, (first, duplicate) -> first))
                .values().stream().sorted(CHRONOLOGICAL).toList();
        Status status = Status.PENDING;
        String subStatus = null;
        int furthestRank = status.rank();
        TrackingEvent last = null;
        for (TrackingEvent event : ordered) {
            last = event;
            if (event.changesStatus() && mayMove(status, furthestRank, event.status())) {
                status = event.status();
                subStatus = event.subStatus();
                if (!status.isSideTrack()) {
                    furthestRank = Math.max(furthestRank, status.rank());
                }
            } else if (event.changesStatus() && event.status() == status) {
                subStatus = event.subStatus();
            }
        }
        return new Progress(status, subStatus, last, ordered.size());
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
