package dev.tracklight.core.carriers.usps;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * USPS tracking event codes (the Product Tracking and Reporting codes, the same in Tracking v3's {@code eventCode})
 * onto ours; events/carriers/usps/README.md has the sources. A code not listed joins the timeline as information.
 */
final class UspsStatusMap {

    private static final StatusMapping DELAYED = new StatusMapping(null, "DELAYED");

    private static final Map<String, StatusMapping> CODES = Map.ofEntries(
            Map.entry("MA", StatusMapping.of(Status.INFO_RECEIVED)), Map.entry("GX", StatusMapping.of(Status.INFO_RECEIVED)),
            Map.entry("03", StatusMapping.of(Status.PICKED_UP)), Map.entry("TM", StatusMapping.of(Status.PICKED_UP)),
            Map.entry("PA", StatusMapping.of(Status.PICKED_UP)), Map.entry("43", StatusMapping.of(Status.PICKED_UP)),
            Map.entry("10", StatusMapping.of(Status.IN_TRANSIT)), Map.entry("07", StatusMapping.of(Status.IN_TRANSIT)),
            Map.entry("EF", StatusMapping.of(Status.IN_TRANSIT)), Map.entry("SF", StatusMapping.of(Status.IN_TRANSIT)),
            Map.entry("PC", StatusMapping.of(Status.IN_TRANSIT)), Map.entry("06", StatusMapping.of(Status.IN_TRANSIT)),
            Map.entry("42", StatusMapping.of(Status.IN_TRANSIT)), Map.entry("80", StatusMapping.of(Status.IN_TRANSIT)),
            Map.entry("81", StatusMapping.of(Status.IN_TRANSIT)), Map.entry("82", StatusMapping.of(Status.IN_TRANSIT)),
            Map.entry("OF", StatusMapping.of(Status.OUT_FOR_DELIVERY)),
            Map.entry("01", StatusMapping.of(Status.DELIVERED)), Map.entry("17", StatusMapping.of(Status.DELIVERED)),
            Map.entry("02", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("52", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("56", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("53", new StatusMapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("54", new StatusMapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("55", new StatusMapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("30", new StatusMapping(Status.DELIVERY_ATTEMPTED, "ADDRESS_ISSUE")),
            Map.entry("51", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")),
            Map.entry("14", StatusMapping.of(Status.AVAILABLE_FOR_PICKUP)), Map.entry("16", StatusMapping.of(Status.AVAILABLE_FOR_PICKUP)),
            Map.entry("04", new StatusMapping(Status.EXCEPTION, "REFUSED")),
            Map.entry("05", new StatusMapping(Status.EXCEPTION, "ADDRESS_ISSUE")),
            Map.entry("11", new StatusMapping(Status.EXCEPTION, "LOST")),
            Map.entry("09", StatusMapping.of(Status.RETURNING)), Map.entry("44", StatusMapping.of(Status.RETURNING)),
            Map.entry("21", StatusMapping.of(Status.RETURNING)), Map.entry("22", StatusMapping.of(Status.RETURNING)),
            Map.entry("23", StatusMapping.of(Status.RETURNING)), Map.entry("24", StatusMapping.of(Status.RETURNING)),
            Map.entry("25", StatusMapping.of(Status.RETURNING)), Map.entry("26", StatusMapping.of(Status.RETURNING)),
            Map.entry("27", StatusMapping.of(Status.RETURNING)), Map.entry("28", StatusMapping.of(Status.RETURNING)),
            Map.entry("29", StatusMapping.of(Status.RETURNING)), Map.entry("31", StatusMapping.of(Status.RETURNING)),
            // missent, mis-shipped, rescheduled, "status not updated": the parcel is late, not in another state
            Map.entry("08", DELAYED), Map.entry("15", DELAYED), Map.entry("71", DELAYED), Map.entry("DX", DELAYED));

    private UspsStatusMap() {
    }

    static StatusMapping of(String code) {
        return code == null ? StatusMapping.INFORMATIONAL : CODES.getOrDefault(code.strip().toUpperCase(java.util.Locale.ROOT),
                StatusMapping.INFORMATIONAL);
    }
}
