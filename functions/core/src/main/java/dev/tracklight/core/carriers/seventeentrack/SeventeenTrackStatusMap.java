package dev.tracklight.core.carriers.seventeentrack;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * 17TRACK v2 statuses and sub-statuses onto ours (events/carriers/17track/README.md). A sub-status wins
 * over its main status; {@code Exception_Delayed} is information with a reason, never a status.
 */
final class SeventeenTrackStatusMap {


    private static final Map<String, StatusMapping> BY_SUB_STATUS = Map.ofEntries(
            Map.entry("NotFound_InvalidCode", new StatusMapping(null, "INVALID_NUMBER")),
            Map.entry("InTransit_PickedUp", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("InTransit_CustomsProcessing", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),
            Map.entry("InTransit_CustomsRequiringInformation", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS_DOCUMENTS")),
            Map.entry("DeliveryFailure_NoBody", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("DeliveryFailure_Security", new StatusMapping(Status.DELIVERY_ATTEMPTED, "SECURITY_OR_FEES")),
            Map.entry("DeliveryFailure_Rejected", new StatusMapping(Status.DELIVERY_ATTEMPTED, "REFUSED")),
            Map.entry("DeliveryFailure_InvalidAddress", new StatusMapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("Exception_Returning", new StatusMapping(Status.RETURNING, null)),
            Map.entry("Exception_Returned", new StatusMapping(Status.RETURNED, null)),
            Map.entry("Exception_Cancel", new StatusMapping(Status.CANCELLED, null)),
            Map.entry("Exception_NoBody", new StatusMapping(Status.EXCEPTION, "RECIPIENT_UNAVAILABLE")),
            Map.entry("Exception_Security", new StatusMapping(Status.EXCEPTION, "SECURITY_OR_FEES")),
            Map.entry("Exception_Rejected", new StatusMapping(Status.EXCEPTION, "REFUSED")),
            Map.entry("Exception_Damage", new StatusMapping(Status.EXCEPTION, "DAMAGED")),
            Map.entry("Exception_Lost", new StatusMapping(Status.EXCEPTION, "LOST")),
            Map.entry("Exception_Destroyed", new StatusMapping(Status.EXCEPTION, "DESTROYED")),
            Map.entry("Exception_Delayed", new StatusMapping(null, "DELAYED")));

    private static final Map<String, Status> BY_STATUS = Map.of(
            "InfoReceived", Status.INFO_RECEIVED, "InTransit", Status.IN_TRANSIT, "Expired", Status.EXPIRED,
            "AvailableForPickup", Status.AVAILABLE_FOR_PICKUP, "OutForDelivery", Status.OUT_FOR_DELIVERY,
            "DeliveryFailure", Status.DELIVERY_ATTEMPTED, "Delivered", Status.DELIVERED, "Exception", Status.EXCEPTION);

    private SeventeenTrackStatusMap() {
    }

    /** @return null when neither names a status 17TRACK documents (NotFound, or an unstaged scan) */
    static StatusMapping of(String status, String subStatus) {
        StatusMapping bySub = subStatus == null ? null : BY_SUB_STATUS.get(subStatus);
        if (bySub != null) {
            return bySub;
        }
        Status byStatus = status == null ? null : BY_STATUS.get(status);
        return byStatus == null ? null : new StatusMapping(byStatus, null);
    }
}
