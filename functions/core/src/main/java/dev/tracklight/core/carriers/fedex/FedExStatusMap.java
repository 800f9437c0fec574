package dev.tracklight.core.carriers.fedex;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;
import java.util.Set;

/**
 * FedEx scan {@code eventType} (with {@code exceptionCode} where it decides) onto ours; the table and its
 * sources are in events/carriers/fedex/README.md. Mapped on the event type, not {@code derivedStatusCode}:
 * FedEx derives "in transit" for out-for-delivery and ready-for-pickup scans.
 */
final class FedExStatusMap {

    private static final Set<String> IN_TRANSIT = Set.of("AA", "AC", "AF", "AR", "AX", "CC", "CP", "DP", "EA", "EO", "FD",
            "IT", "IX", "LO", "OF", "OW", "PF", "PL", "PM", "SF", "TR");
    private static final Map<String, StatusMapping> OTHERS = Map.ofEntries(
            Map.entry("OC", StatusMapping.of(Status.INFO_RECEIVED)), Map.entry("OX", StatusMapping.of(Status.INFO_RECEIVED)),
            Map.entry("PU", StatusMapping.of(Status.PICKED_UP)), Map.entry("PX", StatusMapping.of(Status.PICKED_UP)),
            Map.entry("OD", StatusMapping.of(Status.OUT_FOR_DELIVERY)), Map.entry("ED", StatusMapping.of(Status.OUT_FOR_DELIVERY)),
            Map.entry("AD", StatusMapping.of(Status.OUT_FOR_DELIVERY)),
            Map.entry("HL", StatusMapping.of(Status.AVAILABLE_FOR_PICKUP)), Map.entry("HP", StatusMapping.of(Status.AVAILABLE_FOR_PICKUP)),
            Map.entry("DL", StatusMapping.of(Status.DELIVERED)),
            Map.entry("SE", StatusMapping.of(Status.EXCEPTION)),
            Map.entry("RS", StatusMapping.of(Status.RETURNING)),
            Map.entry("CA", StatusMapping.of(Status.CANCELLED)),
            // delays are an assessment, not a state: they join the timeline with their reason
            Map.entry("DY", new StatusMapping(null, "DELAYED")), Map.entry("DD", new StatusMapping(null, "DELAYED")),
            Map.entry("PD", new StatusMapping(null, "DELAYED")), Map.entry("CD", new StatusMapping(null, "CUSTOMS")));
    /** Delivery-exception codes that mean "we came and could not hand it over"; the parcel is still coming. */
    private static final Map<String, StatusMapping> DELIVERY_EXCEPTIONS = Map.of(
            "08", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE"),
            "17", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE"),
            "07", new StatusMapping(Status.EXCEPTION, "REFUSED"),
            "03", new StatusMapping(Status.EXCEPTION, "ADDRESS_ISSUE"),
            "A47", new StatusMapping(null, "MOVED"));

    private FedExStatusMap() {
    }

    /** @param returning whether the same shipment already showed a return-to-shipper scan */
    static StatusMapping of(String eventType, String exceptionCode, boolean returning) {
        if ("DE".equals(eventType)) {
            return DELIVERY_EXCEPTIONS.getOrDefault(exceptionCode == null ? "" : exceptionCode, StatusMapping.of(Status.EXCEPTION));
        }
        if ("DL".equals(eventType) && returning) {
            return StatusMapping.of(Status.RETURNED);
        }
        if (IN_TRANSIT.contains(eventType)) {
            return StatusMapping.of(Status.IN_TRANSIT);
        }
        // AO/AE "arriving on time/early", CH, DR, DS, EP, the delivery-option and return-label rows: information
        return OTHERS.getOrDefault(eventType, StatusMapping.INFORMATIONAL);
    }
}
