package dev.tracklight.core.eta.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the engine knows about one shipment, in the lane's local time.
 *
 * @param laneKeys    coarse to fine, e.g. {@code [to:RJ, SP>RJ, 01>220]}; each finer lane is shrunk toward the
 *                    coarser one, so a new lane starts from what its region knows
 * @param distanceKm  origin to destination, or null when unknown
 * @param orderedAt   when the consumer ordered (the promise lead is measured from it), or null
 * @param promisedDate the day promised to the consumer, or null
 * @param handedOverAt when the carrier took the parcel
 */
public record TransitFeatures(List<String> laneKeys, Double distanceKm, LocalDateTime orderedAt, LocalDate promisedDate,
                              LocalDateTime handedOverAt) {

    public TransitFeatures {
        laneKeys = List.copyOf(laneKeys);
    }
}
