package dev.tracklight.core.order;

import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.tenant.Branding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public view of an order, as {@code /o/{token}} shows it: its stages, each parcel, and one estimate for
 * the whole order (when its last parcel should arrive). No contact data and no merchant identifiers other than
 * the order number the consumer was given.
 *
 * @param stages every stage in order; a stage is {@code done} when it was reached or a later one was
 * @param eta    null once every parcel still travelling lacks an estimate, or nothing travels
 */
public record OrderView(String token, String orderNumber, List<Stage> stages, List<OrderParcel> parcels, EtaWindow eta,
                        LocalDate promisedDelivery, Instant deliveredAt, Instant updatedAt, Branding brand) {

    public OrderView {
        stages = List.copyOf(stages);
        parcels = List.copyOf(parcels);
    }

    /** A stage and when it was reached (null: not known, or not yet). */
    public record Stage(OrderStage stage, Instant at, boolean done) {
    }
}
