package dev.tracklight.core.notify;

import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The moments of a parcel's journey a consumer can be told about, each at most once per subscriber. */
public enum Moment {
    SHIPPED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    DELAYED,
    EXCEPTION;

    /** What the merchant sends unless it chose otherwise: texts cost money, so by text only the moments that ask something of the reader. */
    public static Set<Moment> defaultsFor(NotifyChannel channel) {
        return channel == NotifyChannel.EMAIL ? EnumSet.allOf(Moment.class) : EnumSet.of(OUT_FOR_DELIVERY, DELIVERED, EXCEPTION);
    }

    /**
     * The one moment a shipment's state is worth a message for now, the most pressing first: a delivery, a problem, a
     * parcel on the van (even a late one: "arrives today" is what its reader needs), a delay, a parcel on its way.
     * Nothing before the carrier has it, and nothing once it will not arrive.
     */
    public static Optional<Moment> headline(Shipment shipment) {
        Status status = shipment.status();
        if (status == Status.DELIVERED) {
            return Optional.of(DELIVERED);
        }
        if (status == Status.EXCEPTION || status == Status.DELIVERY_ATTEMPTED || status == Status.AVAILABLE_FOR_PICKUP) {
            return Optional.of(EXCEPTION);
        }
        if (status.isTerminal() || status == Status.RETURNING) {
            return Optional.empty();
        }
        if (status == Status.OUT_FOR_DELIVERY) {
            return Optional.of(OUT_FOR_DELIVERY);
        }
        if (shipment.delayStatus() != null && shipment.delayStatus().signalsDelay()) {
            return Optional.of(DELAYED);
        }
        boolean handedOver = shipment.milestones() != null && shipment.milestones().handOff() != null;
        return handedOver ? Optional.of(SHIPPED) : Optional.empty();
    }
}
