package dev.tracklight.core.subscription;

import dev.tracklight.core.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a number a source does not push for is asked again: the product's freshness targets, every 30 minutes
 * in transit and every 10 on the last mile (docs/carriers.md); a parcel the carrier has not picked up yet at four
 * times the in-transit target (2 hours); an ended one never. A deployment may shorten or lengthen both targets.
 */
public record PollCadence(Duration inTransit, Duration lastMile) {

    public static final PollCadence PRODUCT = new PollCadence(Duration.ofMinutes(30), Duration.ofMinutes(10));

    /** The next time to ask, or empty when the shipment ended. */
    public Optional<Instant> next(Status status, Instant now) {
        if (status.isTerminal()) {
            return Optional.empty();
        }
        Duration wait = switch (status) {
            case OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, DELIVERY_ATTEMPTED -> lastMile;
            case PENDING, INFO_RECEIVED -> inTransit.multipliedBy(4);
            default -> inTransit;
        };
        return Optional.of(now.plus(wait));
    }
}
