package dev.tracklight.core.carriers.seventeentrack;

import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * 17TRACK v2 statuses and sub-statuses onto ours (events/carriers/17track/README.md). A sub-status wins
 * over its main status; {@code Exception_Delayed} is information with a reason, never a status.
 */
final class SeventeenTrackStatusMap {

    record Mapping(Status status, String reason) {
    }

    private static final Map<String, Mapping> BY_SUB_STATUS = Map.ofEntries(
            Map.entry("NotFound_InvalidCode", new Mapping(null, "INVALID_NUMBER")),
            Map.entry("InTransit_PickedUp", new Mapping(Status.PICKED_UP, null)),
            Map.entry("InTransit_CustomsProcessing", new Mapping(Status.IN_TRANSIT, "CUSTOMS")),
            Map.entry("InTransit_CustomsRequiringInformation", new Mapping(Status.IN_TRANSIT, "CUSTOMS_DOCUMENTS")),
            Map.entry("DeliveryFailure_NoBody", new Mapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("DeliveryFailure_Security", new Mapping(Status.DELIVERY_ATTEMPTED, "SECURITY_OR_FEES")),
            Map.entry("DeliveryFailure_Rejected", new Mapping(Status.DELIVERY_ATTEMPTED, "REFUSED")),
            Map.entry("DeliveryFailure_InvalidAddress", new Mapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("Exception_Returning", new Mapping(Status.RETURNING, null)),
            Map.entry("Exception_Returned", new Mapping(Status.RETURNED, null)),
            Map.entry("Exception_Cancel", new Mapping(Status.CANCELLED, null)),
            Map.entry("Exception_NoBody", new Mapping(Status.EXCEPTION, "RECIPIENT_UNAVAILABLE")),
            Map.entry("Exception_Security", new Mapping(Status.EXCEPTION, "SECURITY_OR_FEES")),
            Map.entry("Exception_Rejected", new Mapping(Status.EXCEPTION, "REFUSED")),
            Map.entry("Exception_Damage", new Mapping(Status.EXCEPTION, "DAMAGED")),
            Map.entry("Exception_Lost", new Mapping(Status.EXCEPTION, "LOST")),
            Map.entry("Exception_Destroyed", new Mapping(Status.EXCEPTION, "DESTROYED")),
            Map.entry("Exception_Delayed", new Mapping(null, "DELAYED")));

    private static final Map<String, Status> BY_STATUS = Map.of(
            "InfoReceived", Status.INFO_RECEIVED, "InTransit", Status.IN_TRANSIT, "Expired", Status.EXPIRED,
            "AvailableForPickup", Status.AVAILABLE_FOR_PICKUP, "OutForDelivery", Status.OUT_FOR_DELIVERY,
            "DeliveryFailure", Status.DELIVERY_ATTEMPTED, "Delivered", Status.DELIVERED, "Exception", Status.EXCEPTION);

    private SeventeenTrackStatusMap() {
    }

    /** @return null when neither names a status 17TRACK documents (NotFound, or an unstaged scan) */
    static Mapping of(String status, String subStatus) {
        Mapping bySub = subStatus == null ? null : BY_SUB_STATUS.get(subStatus);
        if (bySub != null) {
            return bySub;
        }
        Status byStatus = status == null ? null : BY_STATUS.get(status);
        return byStatus == null ? null : new Mapping(byStatus, null);
    }
}
