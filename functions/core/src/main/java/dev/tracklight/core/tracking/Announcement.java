package dev.tracklight.core.tracking;

import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.Shipment;

import java.util.Optional;

/**
 * What must be said about a shipment's version that was not announced yet: its new view, a changed delay
 * verdict, and, once it has ended, that its carrier subscription can end too.
 *
 * @param previousDelay the verdict last announced, which {@code delaySignal} is relative to
 */
public record Announcement(Shipment shipment, DelayStatus previousDelay, Optional<DelaySignal> delaySignal, boolean endSubscription) {

    /** What it marks as announced once it went out. */
    public Announced marks() {
        return new Announced(shipment.version(), shipment.delayStatus());
    }
}
