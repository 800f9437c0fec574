package dev.tracklight.core.carriers.easypost;

import dev.tracklight.core.model.Status;

import java.util.Map;
import java.util.Set;

/**
 * EasyPost's tracker statuses and details onto ours, per tracking_details row
 * (events/carriers/easypost/README.md has the sources and the reasoning).
 *
 * <pre>
 * EasyPost row status              → Tracklight
 * unknown (any detail)             → informational row (no status change)
 * pre_transit                      → INFO_RECEIVED
 * in_transit, origin details or
 *   the first in_transit row       → PICKED_UP
 * in_transit                       → IN_TRANSIT (delays keep the status, with a reason)
 * out_for_delivery                 → OUT_FOR_DELIVERY
 * available_for_pickup             → AVAILABLE_FOR_PICKUP
 * delivered                        → DELIVERED
 * failure + delivery_exception /
 *   address_correction             → DELIVERY_ATTEMPTED
 * failure (other), error           → EXCEPTION
 * return_to_sender                 → RETURNING
 * cancelled                        → CANCELLED
 * any + detail expired             → EXPIRED
 * </pre>
 */
final class EasyPostStatusMap {

    private static final Map<String, Status> BY_STATUS = Map.of(
            "pre_transit", Status.INFO_RECEIVED,
            "in_transit", Status.IN_TRANSIT,
            "out_for_delivery", Status.OUT_FOR_DELIVERY,
            "available_for_pickup", Status.AVAILABLE_FOR_PICKUP,
            "delivered", Status.DELIVERED,
            "failure", Status.EXCEPTION,
            "error", Status.EXCEPTION,
            "return_to_sender", Status.RETURNING,
            "cancelled", Status.CANCELLED);
    private static final Set<String> ORIGIN_DETAILS = Set.of("received_at_origin_facility", "departed_origin_facility");
    private static final Set<String> ATTEMPT_DETAILS = Set.of("delivery_exception", "address_correction");
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("delayed", "DELAYED"), Map.entry("weather_delay", "WEATHER"), Map.entry("held", "HELD"),
            Map.entry("missorted", "MISSORTED"), Map.entry("transit_exception", "TRANSIT_EXCEPTION"),
            Map.entry("address_correction", "ADDRESS_ISSUE"), Map.entry("lost", "LOST"), Map.entry("damaged", "DAMAGED"),
            Map.entry("refused", "REFUSED"), Map.entry("error", "TRACKING_ERROR"));

    private EasyPostStatusMap() {
    }

    /**
     * @param firstInTransit whether this is the shipment's earliest in_transit row: EasyPost tags the
     *                       carrier's pick-up scan as an ordinary facility arrival, so the first one is
     *                       read as the pick-up
     * @return null for an informational row
     */
    static Status status(String status, String statusDetail, boolean firstInTransit) {
        String detail = statusDetail == null ? "" : statusDetail; // rows may have no status_detail at all
        if ("expired".equals(detail)) {
            return Status.EXPIRED;
        }
        if (status == null || "unknown".equals(status)) {
            return null;
        }
        if ("in_transit".equals(status) && (firstInTransit || ORIGIN_DETAILS.contains(detail))) {
            return Status.PICKED_UP;
        }
        if ("failure".equals(status) && ATTEMPT_DETAILS.contains(detail)) {
            return Status.DELIVERY_ATTEMPTED;
        }
        return BY_STATUS.get(status);
    }

    static String reason(String status, String detail) {
        String byDetail = detail == null ? null : REASONS.get(detail);
        return byDetail != null ? byDetail : "error".equals(status) ? REASONS.get("error") : null;
    }
}
