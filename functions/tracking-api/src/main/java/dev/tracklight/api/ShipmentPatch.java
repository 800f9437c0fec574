package dev.tracklight.api;

import dev.tracklight.core.model.Contact;

import java.time.LocalDate;

/** What {@code PATCH /v1/shipments/{id}} may change; absent fields stay as they are. */
public record ShipmentPatch(LocalDate promisedDelivery, Contact recipient, Boolean cancel) {

    boolean isEmpty() {
        return promisedDelivery == null && recipient == null && cancel == null;
    }
}
