package dev.tracklight.api;

import dev.tracklight.core.delay.DelayAssessment;
import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.model.CarrierChoice;
import dev.tracklight.core.model.Status;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shipment as the merchant API shows it, with the link to put in the consumer's SMS or e-mail, the current
 * estimate (window, EDD, chance of missing the promise) and the delay verdict.
 */
public record ShipmentResource(
        String id,
        String orderId,
        String carrier,
        String trackingNumber,
        Status status,
        String subStatus,
        LocalDate promisedDelivery,
        String trackingUrl,
        long version,
        Instant createdAt,
        Instant updatedAt,
        CarrierChoice carrierChoice,
        EtaWindow eta,
        DelayAssessment delay) {
}
