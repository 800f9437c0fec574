package dev.tracklight.core.carriers.aftership;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * AfterShip checkpoint tags and sub-tags onto ours (events/carriers/aftership/README.md has the sources).
 * AfterShip files delays under Exception; here they join the timeline without a status, with a reason,
 * because delay is an assessment, never a state.
 *
 * <pre>
 * Pending                       → informational row
 * InfoReceived                  → INFO_RECEIVED
 * InTransit_002 (acceptance)    → PICKED_UP
 * InTransit                     → IN_TRANSIT
 * OutForDelivery                → OUT_FOR_DELIVERY
 * AvailableForPickup            → AVAILABLE_FOR_PICKUP
 * AttemptFail                   → DELIVERY_ATTEMPTED
 * Delivered                     → DELIVERED
 * Exception_010 / _011 / _020   → RETURNING / RETURNED / CANCELLED
 * Exception_004/005/016/017/019 → informational row, reason DELAYED_*
 * Exception (other)             → EXCEPTION, with the sub-tag's reason
 * Expired                       → EXPIRED
 * </pre>
 */
final class AfterShipStatusMap {


    private static final Map<String, Status> BY_TAG = Map.of(
            "InfoReceived", Status.INFO_RECEIVED, "InTransit", Status.IN_TRANSIT, "OutForDelivery", Status.OUT_FOR_DELIVERY,
            "AvailableForPickup", Status.AVAILABLE_FOR_PICKUP, "AttemptFail", Status.DELIVERY_ATTEMPTED,
            "Delivered", Status.DELIVERED, "Exception", Status.EXCEPTION, "Expired", Status.EXPIRED);
    private static final Map<String, StatusMapping> BY_SUBTAG = Map.ofEntries(
            Map.entry("InTransit_002", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("InTransit_005", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),
            Map.entry("InTransit_006", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),
            Map.entry("AttemptFail_002", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("AttemptFail_003", new StatusMapping(Status.DELIVERY_ATTEMPTED, "BUSINESS_CLOSED")),
            Map.entry("Exception_002", new StatusMapping(Status.EXCEPTION, "MOVED")),
            Map.entry("Exception_003", new StatusMapping(Status.EXCEPTION, "REFUSED")),
            Map.entry("Exception_004", new StatusMapping(null, "DELAYED_CUSTOMS")),
            Map.entry("Exception_005", new StatusMapping(null, "DELAYED")),
            Map.entry("Exception_006", new StatusMapping(Status.EXCEPTION, "PAYMENT")),
            Map.entry("Exception_007", new StatusMapping(Status.EXCEPTION, "ADDRESS_ISSUE")),
            Map.entry("Exception_008", new StatusMapping(Status.EXCEPTION, "PICKUP_MISSED")),
            Map.entry("Exception_010", new StatusMapping(Status.RETURNING, null)),
            Map.entry("Exception_011", new StatusMapping(Status.RETURNED, null)),
            Map.entry("Exception_012", new StatusMapping(Status.EXCEPTION, "DAMAGED")),
            Map.entry("Exception_013", new StatusMapping(Status.EXCEPTION, "LOST")),
            Map.entry("Exception_016", new StatusMapping(null, "DELAYED_PROCESSING")),
            Map.entry("Exception_017", new StatusMapping(null, "WEATHER")),
            Map.entry("Exception_018", new StatusMapping(Status.EXCEPTION, "DOCUMENTS")),
            Map.entry("Exception_019", new StatusMapping(null, "DELAYED_FLIGHT")),
            Map.entry("Exception_020", new StatusMapping(Status.CANCELLED, null)),
            Map.entry("Exception_021", new StatusMapping(Status.EXCEPTION, "DISPOSED")));

    private AfterShipStatusMap() {
    }

    static StatusMapping of(String tag, String subtag) {
        StatusMapping bySubtag = subtag == null ? null : BY_SUBTAG.get(subtag);
        if (bySubtag != null) {
            return bySubtag;
        }
        return new StatusMapping(tag == null ? null : BY_TAG.get(tag), null);
    }
}
