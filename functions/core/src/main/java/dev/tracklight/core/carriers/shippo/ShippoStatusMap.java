package dev.tracklight.core.carriers.shippo;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * Shippo track statuses and sub-statuses onto ours (events/carriers/shippo/README.md). Like EasyPost,
 * Shippo often leaves the carrier's acceptance scan without a sub-status, so the first TRANSIT row is
 * read as the pick-up.
 */
final class ShippoStatusMap {


    private static final Map<String, StatusMapping> BY_SUBSTATUS = Map.ofEntries(
            Map.entry("package_accepted", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("out_for_delivery", new StatusMapping(Status.OUT_FOR_DELIVERY, null)),
            Map.entry("pickup_available", new StatusMapping(Status.AVAILABLE_FOR_PICKUP, null)),
            Map.entry("delivery_attempted", new StatusMapping(Status.DELIVERY_ATTEMPTED, null)),
            Map.entry("notice_left", new StatusMapping(Status.DELIVERY_ATTEMPTED, null)),
            Map.entry("reschedule_delivery", new StatusMapping(Status.DELIVERY_ATTEMPTED, null)),
            Map.entry("address_issue", new StatusMapping(Status.EXCEPTION, "ADDRESS_ISSUE")),
            Map.entry("contact_carrier", new StatusMapping(Status.EXCEPTION, "CONTACT_CARRIER")),
            Map.entry("location_inaccessible", new StatusMapping(Status.EXCEPTION, "INACCESSIBLE")),
            Map.entry("package_damaged", new StatusMapping(Status.EXCEPTION, "DAMAGED")),
            Map.entry("delayed", new StatusMapping(Status.IN_TRANSIT, "DELAYED")),
            Map.entry("package_unclaimed", new StatusMapping(Status.RETURNING, "UNCLAIMED")),
            Map.entry("package_undeliverable", new StatusMapping(Status.EXCEPTION, "UNDELIVERABLE")),
            Map.entry("package_lost", new StatusMapping(Status.EXCEPTION, "LOST")),
            Map.entry("package_disposed", new StatusMapping(Status.EXCEPTION, "DISPOSED")));

    private static final Map<String, Status> BY_STATUS = Map.of(
            "PRE_TRANSIT", Status.INFO_RECEIVED, "TRANSIT", Status.IN_TRANSIT, "DELIVERED", Status.DELIVERED,
            "RETURNED", Status.RETURNING, "FAILURE", Status.EXCEPTION);

    private ShippoStatusMap() {
    }

    /** UNKNOWN rows and unknown statuses are information. */
    static StatusMapping of(String status, String substatus, boolean firstTransit) {
        StatusMapping bySubstatus = substatus == null ? null : BY_SUBSTATUS.get(substatus);
        if (bySubstatus != null) {
            return bySubstatus;
        }
        if ("TRANSIT".equals(status) && firstTransit) {
            return new StatusMapping(Status.PICKED_UP, null);
        }
        return new StatusMapping(status == null ? null : BY_STATUS.get(status), null);
    }
}
