package dev.tracklight.watchdog;

import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.ShipmentStore.DueShipment;
import dev.tracklight.core.delay.StageSla;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.view.TrackingViews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Finds open shipments whose stage went without a scan past its SLA, announces each once as
 * {@code ShipmentStalled} and takes it off the due index (a new scan puts it back with a new due time).
 */
public final class SlaWatchdog {

    /** How far back a run looks, so a watchdog that was down for a while still finds what came due. */
    static final Duration LOOKBACK = Duration.ofHours(48);

    private final ShipmentStore store;
    private final ShipmentEvents events;
    private final Clock clock;

    public SlaWatchdog(ShipmentStore store, ShipmentEvents events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Returns how many shipments were reported stalled. */
    public int run() {
        Instant now = clock.instant();
        int reported = 0;
        for (Instant hour = now.minus(LOOKBACK).truncatedTo(ChronoUnit.HOURS); !hour.isAfter(now); hour = hour.plus(1, ChronoUnit.HOURS)) {
            for (DueShipment due : store.dueIn(hour, now)) {
                if (report(due, now)) {
                    reported++;
                }
            }
        }
        return reported;
    }

    private boolean report(DueShipment due, Instant now) {
        Shipment shipment = store.get(due.shipmentId()).orElse(null);
        Instant dueAt = shipment == null ? null : StageSla.DEFAULT.dueAt(shipment).orElse(null);
        if (dueAt == null || dueAt.isAfter(now)) {
            store.clearDue(due);
            return false;
        }
        if (!store.clearDue(due)) {
            return false;
        }
        events.stalled(shipment.shipmentId(), dueAt.minus(StageSla.DEFAULT.limitFor(shipment)), dueAt);
        // the page shows the stall at once: a fresh view carries the STALLED assessment
        events.updated(shipment.shipmentId(), TrackingViews.of(shipment, store.events(shipment.shipmentId()), now));
        return true;
    }
}
