package dev.tracklight.core.tracking;

import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;

import java.util.Optional;

/** A change of a shipment's delay verdict worth telling the merchant and the consumer about. */
public enum DelaySignal {
    /** It became delayed, or its delay changed kind (at risk → late). */
    DELAYED,
    /** A delayed shipment no longer is: on time again, or moving again without a promise to judge. */
    BACK_ON_TRACK;

    /**
     * The signal of the shipment's verdict since {@code announced}; none for other changes (a first ON_TIME,
     * a shipment returned or cancelled while late).
     */
    public static Optional<DelaySignal> between(DelayStatus announced, Shipment shipment) {
        DelayAssessment delay = shipment.delay();
        boolean delayed = delay != null && delay.signalsDelay();
        boolean wasDelayed = announced != null && announced.signalsDelay();
        boolean endedUndelivered = shipment.status().isTerminal() && shipment.status() != Status.DELIVERED;
        if (delayed && delay.status() != announced) {
            return Optional.of(DELAYED);
        }
        if (!delayed && wasDelayed && !endedUndelivered) {
            return Optional.of(BACK_ON_TRACK);
        }
        return Optional.empty();
    }
}
