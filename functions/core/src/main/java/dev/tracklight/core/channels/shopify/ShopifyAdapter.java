package dev.tracklight.core.channels.shopify;

import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.channels.ChannelAdapter;
import dev.tracklight.core.channels.ChannelCarriers;
import dev.tracklight.core.channels.ChannelChange;
import dev.tracklight.core.channels.ChannelChange.Cancelled;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.FulfillmentProgress;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.ChannelDelivery;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.tracklight.core.carriers.JsonBody.optionalId;
import static dev.tracklight.core.carriers.JsonBody.lenientInstant;
import static dev.tracklight.core.carriers.JsonBody.optionalText;
import static dev.tracklight.core.carriers.JsonBody.optionalTimestamp;
import static dev.tracklight.core.carriers.JsonBody.requiredId;

/**
 * Shopify's order and fulfilment webhooks (REST payloads; samples in events/channels/shopify/):
 * {@code orders/create}, {@code orders/cancelled}, {@code fulfillments/create}, {@code fulfillments/update}, {@code fulfillment_events/create}.
 * Signed with {@code X-Shopify-Hmac-Sha256} = base64 HMAC-SHA256 of the raw body keyed by the app's secret;
 * {@code X-Shopify-Webhook-Id} identifies a delivery across Shopify's retries. Ids are read as text: they pass 2^53.
 */
public final class ShopifyAdapter implements ChannelAdapter {

    public static final String CHANNEL = "shopify";
    public static final String SIGNATURE_HEADER = "x-shopify-hmac-sha256";
    public static final String TOPIC_HEADER = "x-shopify-topic";
    public static final String WEBHOOK_ID_HEADER = "x-shopify-webhook-id";

    /** Shopify's {@code financial_status} values of an order whose payment was taken or authorized: it is confirmed. */
    private static final Set<String> PAID = Set.of("authorized", "partially_paid", "paid", "partially_refunded", "refunded");

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        HmacSha256.requireBase64Header(request, SIGNATURE_HEADER, secret);
    }

    @Override
    public ChannelDelivery parse(WebhookRequest request) throws ProblemException {
        String topic = request.header(TOPIC_HEADER);
        if (topic == null) {
            throw JsonBody.bad("X-Shopify-Topic is required");
        }
        String webhookId = request.header(WEBHOOK_ID_HEADER);
        JsonObject json = JsonBody.object(request.body());
        List<ChannelChange> changes = switch (topic) {
            case "orders/create", "orders/updated" -> order(json);
            case "orders/cancelled" -> List.of(new Cancelled(requiredId(json, "id", ""), null,
                    JsonBody.requiredTimestamp(json, "cancelled_at", "").toInstant()));
            case "fulfillments/create", "fulfillments/update" -> fulfillmentChanges(json);
            case "fulfillment_events/create" -> List.of(progress(json));
            default -> throw JsonBody.bad("topic '" + topic + "' is not one Tracklight subscribes to (orders/create, "
                    + "orders/cancelled, fulfillments/create, fulfillments/update, fulfillment_events/create)");
        };
        return ChannelDelivery.of(webhookId, request.body(), changes);
    }

    /** The order, and the fulfilments it already carries (an order fulfilled at once arrives with them). */
    private static List<ChannelChange> order(JsonObject json) throws ProblemException {
        String orderId = requiredId(json, "id", "");
        Location destination = address(json, "shipping_address", "");
        Contact recipient = recipient(json, "shipping_address", "");
        List<ChannelChange> changes = new ArrayList<>();
        changes.add(new OrderPlaced(orderId, recipient, destination, null, lenientInstant(json, "created_at"),
                PAID.contains(optionalText(json, "financial_status", "")) ? lenientInstant(json, "processed_at") : null,
                optionalText(json, "name", "")));
        for (var fulfillment : JsonBody.objects(json, "fulfillments", "")) {
            changes.add(fulfillment(fulfillment.json(), fulfillment.path(), orderId));
        }
        return changes;
    }

    /** The fulfilment, and its cancellation when Shopify says it was cancelled. */
    private static List<ChannelChange> fulfillmentChanges(JsonObject json) throws ProblemException {
        Fulfilled fulfilled = fulfillment(json, "", null);
        if (!"cancelled".equals(optionalText(json, "status", ""))) {
            return List.of(fulfilled);
        }
        OffsetDateTime at = JsonBody.requiredTimestamp(json, "updated_at", "");
        return List.of(fulfilled, new Cancelled(fulfilled.orderId(), fulfilled.fulfillmentId(), at.toInstant()));
    }

    private static Fulfilled fulfillment(JsonObject json, String path, String orderId) throws ProblemException {
        Set<String> numbers = new LinkedHashSet<>();
        String single = optionalText(json, "tracking_number", path);
        if (single != null) {
            numbers.add(single);
        }
        JsonValue many = json.get("tracking_numbers");
        if (many != null && many.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue number : many.asJsonArray()) {
                if (number instanceof JsonString text && !text.getString().isBlank()) {
                    numbers.add(text.getString().trim());
                }
            }
        }
        String carrierName = optionalText(json, "tracking_company", path);
        return new Fulfilled(orderId != null ? orderId : requiredId(json, "order_id", path), requiredId(json, "id", path),
                ChannelCarriers.code(carrierName), carrierName, List.copyOf(numbers), recipient(json, "destination", path),
                address(json, "destination", path));
    }

    private static FulfillmentProgress progress(JsonObject json) throws ProblemException {
        String status = optionalText(json, "status", "");
        var mapped = ShopifyEventStatuses.of(status);
        OffsetDateTime happened = JsonBody.requiredTimestamp(json, "happened_at", "");
        OffsetDateTime estimated = optionalTimestamp(json, "estimated_delivery_at", "");
        Location where = Location.ifAny(optionalText(json, "city", ""), optionalText(json, "province", ""),
                optionalText(json, "country", ""), optionalText(json, "zip", ""), null, null);
        return new FulfillmentProgress(optionalId(json, "order_id", ""), requiredId(json, "fulfillment_id", ""),
                requiredId(json, "id", ""), mapped.status(), mapped.subStatus(), status, optionalText(json, "message", ""),
                happened.toInstant(), JsonBody.offsetId(happened), where, estimated == null ? null : estimated.toInstant());
    }

    /** A Shopify address: city, province code (else name), ISO country code (else name), zip. */
    private static Location address(JsonObject json, String field, String path) throws ProblemException {
        JsonObject address = JsonBody.optionalObject(json, field, path);
        if (address == null) {
            return null;
        }
        String at = JsonBody.at(path, field);
        String region = optionalText(address, "province_code", at);
        String country = optionalText(address, "country_code", at);
        return Location.ifAny(optionalText(address, "city", at), region != null ? region : optionalText(address, "province", at),
                country != null ? country : optionalText(address, "country", at), optionalText(address, "zip", at), null, null);
    }

    private static Contact recipient(JsonObject json, String addressField, String path) throws ProblemException {
        JsonObject address = JsonBody.optionalObject(json, addressField, path);
        String at = JsonBody.at(path, addressField);
        String name = address == null ? null : optionalText(address, "name", at);
        String phone = address == null ? null : optionalText(address, "phone", at);
        String email = optionalText(json, "email", path);
        phone = phone != null ? phone : optionalText(json, "phone", path);
        return Contact.ifAny(name, email, phone);
    }
}
