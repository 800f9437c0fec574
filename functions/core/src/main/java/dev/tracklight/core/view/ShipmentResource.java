package dev.tracklight.core.view;

import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.EtaRevision;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.CarrierChoice;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A shipment as the merchant API shows it, with the link to put in the consumer's SMS or e-mail (and, for a
 * shipment of an order, the link to the order's page), the current
 * estimate (window, EDD, chance of missing the promise), every noticeable revision of it since the first
 * (to compare with the original promise) and the delay verdict with the moment it was detected.
 */
public record ShipmentResource(
        String id,
        String orderId,
        String channel,
        String carrier,
        String trackingNumber,
        String serviceLevel,
        Status status,
        String subStatus,
        Location origin,
        Location destination,
        LocalDate promisedDelivery,
        Contact recipient,
        String trackingUrl,
        String orderUrl,
        long version,
        Instant createdAt,
        Instant updatedAt,
        CarrierChoice carrierChoice,
        EtaWindow eta,
        List<EtaRevision> etaRevisions,
        DelayAssessment delay,
        Subscription subscription) {

    public static ShipmentResource of(Shipment shipment, String publicBaseUrl) {
        return new ShipmentResource(shipment.shipmentId(), shipment.orderId(), shipment.channel(), shipment.carrier(),
                shipment.trackingNumber(), shipment.serviceLevel(), shipment.status(), shipment.subStatus(), shipment.origin(),
                shipment.destination(), shipment.promisedDelivery(), shipment.contact(),
                publicBaseUrl + "/t/" + shipment.trackingToken(),
                shipment.orderToken() == null ? null : publicBaseUrl + "/o/" + shipment.orderToken(), shipment.version(), shipment.createdAt(),
                shipment.updatedAt(), shipment.carrierChoice(), shipment.eta(), shipment.etaRevisions(), shipment.delay(), null);
    }

    /** The same with the shipment's subscription at its source, which the single-shipment read shows. */
    public ShipmentResource withSubscription(Subscription at) {
        return new ShipmentResource(id, orderId, channel, carrier, trackingNumber, serviceLevel, status, subStatus, origin, destination,
                promisedDelivery, recipient, trackingUrl, orderUrl, version, createdAt, updatedAt, carrierChoice, eta, etaRevisions, delay, at);
    }
}
