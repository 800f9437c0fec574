package dev.tracklight.watchdog;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.ShipmentTracker;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Judges again the open shipments whose verdict came due without a scan (a stage SLA ran out, a promise
 * passed), found through the due-hour index. The tracker does the judging, as for a scan: a shipment that
 * became STALLED or LATE is announced ({@code ShipmentDelayed}, a fresh view for the page) and gets its
 * next due time, so each due time is handled once.
 */
public final class SlaWatchdog {

    /** How far back a run looks, so a watchdog that was down for a while still finds what came due. */
    static final Duration LOOKBACK = Duration.ofHours(48);

    private final ShipmentStore store;
    private final ShipmentTracker tracker;
    private final Clock clock;

    public SlaWatchdog(ShipmentStore store, ShipmentTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Judges the due shipments again until none is left or the deadline has passed; returns how many it judged. */
    public int run(Deadline deadline) {
        int judged = 0;
        for (String shipmentId : store.due(clock.instant(), LOOKBACK, deadline)) {
            if (deadline.passed()) {
                break;
            }
            tracker.refresh(shipmentId);
            judged++;
        }
        return judged;
    }
}
