package dev.tracklight.core.channels;

import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a sales channel told us, in our terms: an order, a fulfilment with tracking, a fulfilment's progress, a cancellation. */
public sealed interface ChannelChange {

    /**
     * An order was placed: who it goes to, kept for the fulfilments that follow, when it was placed and paid (null
     * where the channel does not say), the first stages of the order's page, and the number its buyer was given
     * (Shopify's "#1001", not its internal id), which the page shows and the order search finds.
     */
    record OrderPlaced(String orderId, Contact recipient, Location destination, LocalDate promisedDelivery, Instant placedAt,
                       Instant paidAt, String orderNumber) implements ChannelChange {
    }

    /**
     * An order (or part of it) was handed to a carrier. {@code carrier} is our code when the channel's
     * carrier name is one we know, else null (the number's shape decides); {@code carrierName} is as sent.
     */
    record Fulfilled(String orderId, String fulfillmentId, String carrier, String carrierName, List<String> trackingNumbers,
                     Contact recipient, Location destination) implements ChannelChange {
    }

    /**
     * The order was cancelled ({@code fulfillmentId} null: every shipment of it), or one fulfilment was: its
     * shipments are cancelled unless the carrier already finished them.
     */
    record Cancelled(String orderId, String fulfillmentId, Instant occurredAt) implements ChannelChange {
    }

    /** A fulfilment moved, as the channel reports it (Shopify's fulfilment events). */
    record FulfillmentProgress(String orderId, String fulfillmentId, String eventId, Status status, String subStatus,
                               String rawCode, String message, Instant occurredAt, String localOffset, Location location,
                               Instant estimatedDelivery) implements ChannelChange {
    }
}
