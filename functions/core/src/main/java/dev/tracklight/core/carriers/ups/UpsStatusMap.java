package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;
import java.util.Set;

/**
 * UPS activity status (type, code, descriptionCode) onto ours; events/carriers/ups/README.md has the
 * sources. Codes mean different things under different types ({@code DP} is "manifest processed" under M
 * and "departure scan" under I), so a (type/code) entry wins, then the simplified descriptionCode, then
 * the type alone.
 */
final class UpsStatusMap {


    private static final Map<String, StatusMapping> BY_TYPE_AND_CODE = Map.ofEntries(
            Map.entry("M/VP", new StatusMapping(Status.CANCELLED, null)),
            Map.entry("I/OR", new StatusMapping(Status.PICKED_UP, null)), Map.entry("I/PU", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("I/PC", new StatusMapping(Status.PICKED_UP, null)), Map.entry("I/PT", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("I/XD", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("I/OT", new StatusMapping(Status.OUT_FOR_DELIVERY, null)), Map.entry("I/OF", new StatusMapping(Status.OUT_FOR_DELIVERY, null)),
            Map.entry("D/2Q", new StatusMapping(Status.AVAILABLE_FOR_PICKUP, null)), Map.entry("D/B0", new StatusMapping(Status.RETURNED, null)),
            Map.entry("X/UF", new StatusMapping(Status.RETURNING, null)), Map.entry("X/UA", new StatusMapping(Status.RETURNED, null)),
            Map.entry("X/48", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("X/49", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("X/53", new StatusMapping(Status.EXCEPTION, "REFUSED")));

    private static final Map<Integer, StatusMapping> BY_DESCRIPTION = Map.ofEntries(
            Map.entry(7, new StatusMapping(Status.CANCELLED, null)),
            Map.entry(161, new StatusMapping(Status.AVAILABLE_FOR_PICKUP, null)), Map.entry(144, new StatusMapping(Status.AVAILABLE_FOR_PICKUP, null)),
            Map.entry(34, new StatusMapping(Status.RETURNED, null)), Map.entry(67, new StatusMapping(Status.RETURNED, null)),
            Map.entry(35, new StatusMapping(Status.RETURNING, null)), Map.entry(36, new StatusMapping(Status.RETURNING, null)),
            Map.entry(22, new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry(23, new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry(61, new StatusMapping(Status.DELIVERY_ATTEMPTED, "SIGNATURE_REQUIRED")),
            Map.entry(62, new StatusMapping(Status.DELIVERY_ATTEMPTED, "PAYMENT_REQUIRED")),
            Map.entry(50, new StatusMapping(Status.EXCEPTION, "ADDRESS_ISSUE")), Map.entry(59, new StatusMapping(Status.EXCEPTION, "DAMAGED")),
            Map.entry(64, new StatusMapping(Status.EXCEPTION, "REFUSED")), Map.entry(68, new StatusMapping(Status.EXCEPTION, "LOST")),
            Map.entry(58, new StatusMapping(Status.EXCEPTION, "CUSTOMS")));
    /** Delays and customer requests join the timeline as information: delay is an assessment, not a state. */
    private static final Set<Integer> INFORMATIONAL = Set.of(0, 32, 46, 48, 49, 51, 52, 53, 70, 86, 90, 132, 148, 153, 154, 155, 163);

    private static final Map<String, Status> BY_TYPE = Map.of(
            "M", Status.INFO_RECEIVED, "MV", Status.CANCELLED, "I", Status.IN_TRANSIT, "D", Status.DELIVERED,
            "X", Status.EXCEPTION);

    private UpsStatusMap() {
    }

    static StatusMapping of(String type, String code, String descriptionCode) {
        StatusMapping exact = BY_TYPE_AND_CODE.get(type + "/" + code);
        if (exact != null) {
            return exact;
        }
        Integer description = number(descriptionCode);
        if (description != null && INFORMATIONAL.contains(description)) {
            return new StatusMapping(null, description == 0 || description == 70 || description == 148 || description == 163 ? null : "DELAYED");
        }
        if (description != null && BY_DESCRIPTION.containsKey(description)) {
            return BY_DESCRIPTION.get(description);
        }
        return new StatusMapping(type == null ? null : BY_TYPE.get(type), null); // U (updated date/time) is information
    }

    /** UPS sends "003"; its lists write 3. */
    private static Integer number(String code) {
        try {
            return code == null || code.isBlank() ? null : Integer.valueOf(code.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
