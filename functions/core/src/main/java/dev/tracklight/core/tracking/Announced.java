package dev.tracklight.core.tracking;

import dev.tracklight.core.model.DelayStatus;

/**
 * What was last announced of a shipment: the version and the delay verdict it had. Kept apart from the
 * shipment, so marking an announcement writes a few bytes instead of the shipment again.
 */
public record Announced(long version, DelayStatus delay) {

    /** Nothing announced yet. */
    public static final Announced NOTHING = new Announced(0, null);
}
