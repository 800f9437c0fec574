package dev.tracklight.core.channels.shopify;

import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * Shopify fulfilment event {@code status} values (events/channels/README.md, by API version) mapped to our
 * statuses; {@code delayed} keeps the parcel in transit with a sub-status. A value not here (newer API
 * versions add some) is kept on the timeline as information, changing nothing.
 */
final class ShopifyEventStatuses {

    record Mapped(Status status, String subStatus) {
    }

    private static final Map<String, Mapped> STATUSES = Map.ofEntries(
            Map.entry("label_printed", new Mapped(Status.INFO_RECEIVED, "LABEL_PRINTED")),
            Map.entry("label_purchased", new Mapped(Status.INFO_RECEIVED, "LABEL_PURCHASED")),
            Map.entry("confirmed", new Mapped(Status.INFO_RECEIVED, "CONFIRMED")),
            Map.entry("carrier_picked_up", new Mapped(Status.PICKED_UP, null)),
            Map.entry("picked_up", new Mapped(Status.PICKED_UP, null)),
            Map.entry("in_transit", new Mapped(Status.IN_TRANSIT, null)),
            Map.entry("delayed", new Mapped(Status.IN_TRANSIT, "DELAYED")),
            Map.entry("out_for_delivery", new Mapped(Status.OUT_FOR_DELIVERY, null)),
            Map.entry("attempted_delivery", new Mapped(Status.DELIVERY_ATTEMPTED, null)),
            Map.entry("ready_for_pickup", new Mapped(Status.AVAILABLE_FOR_PICKUP, null)),
            Map.entry("delivered", new Mapped(Status.DELIVERED, null)),
            Map.entry("failure", new Mapped(Status.EXCEPTION, "DELIVERY_FAILED")));

    private ShopifyEventStatuses() {
    }

    static Mapped of(String status) {
        return status == null ? new Mapped(null, null) : STATUSES.getOrDefault(status, new Mapped(null, null));
    }
}
