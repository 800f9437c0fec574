package dev.tracklight.core.tracking;

import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.model.Delivery;
import dev.tracklight.core.model.Shipment;

import java.util.Optional;

/**
 * A shipment's next state and what follows from it.
 *
 * @param next         the shipment to store; the same object as the current one when nothing visible changed
 * @param changed  whether {@code next} must be written (guarded by the current version)
 * @param delivery set when this change delivers it
 * @param outcomes what the change adds to the console's figures beyond its events (acceptance, delivery)
 */
public record Decision(Shipment next, boolean changed, Optional<Delivery> delivery, Tally outcomes) {
}
