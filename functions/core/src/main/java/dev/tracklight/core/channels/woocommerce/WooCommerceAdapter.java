package dev.tracklight.core.channels.woocommerce;

import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.channels.ChannelAdapter;
import dev.tracklight.core.channels.ChannelCarriers;
import dev.tracklight.core.channels.ChannelChange;
import dev.tracklight.core.channels.ChannelChange.Cancelled;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.ChannelDelivery;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static dev.tracklight.core.carriers.JsonBody.lenientInstant;
import static dev.tracklight.core.carriers.JsonBody.optionalId;
import static dev.tracklight.core.carriers.JsonBody.optionalText;
import static dev.tracklight.core.carriers.JsonBody.requiredId;

/**
 * WooCommerce order webhooks ({@code order.created}, {@code order.updated}; REST v3 order JSON, sample in
 * events/channels/woocommerce/). Signed with {@code X-WC-Webhook-Signature} = base64 HMAC-SHA256 of the raw
 * body keyed by the webhook's secret ({@code WC_Webhook::generate_signature}). Tracking comes from the
 * Shipment Tracking extension's {@code _wc_shipment_tracking_items} order meta. When a webhook is saved,
 * WooCommerce pings it with the form body {@code webhook_id=N}, unsigned, and wants exactly 200.
 */
public final class WooCommerceAdapter implements ChannelAdapter {

    public static final String CHANNEL = "woocommerce";
    public static final String SIGNATURE_HEADER = "x-wc-webhook-signature";
    public static final String TOPIC_HEADER = "x-wc-webhook-topic";
    public static final String DELIVERY_HEADER = "x-wc-webhook-delivery-id";
    static final String TRACKING_META = "_wc_shipment_tracking_items";

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public boolean isPing(WebhookRequest request) {
        return request.header(SIGNATURE_HEADER) == null && request.body().matches("webhook_id=\\d+");
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        HmacSha256.requireBase64Header(request, SIGNATURE_HEADER, secret);
    }

    @Override
    public ChannelDelivery parse(WebhookRequest request) throws ProblemException {
        String topic = request.header(TOPIC_HEADER);
        if (topic == null || !topic.startsWith("order.")) {
            throw JsonBody.bad("X-WC-Webhook-Topic must be an order topic (order.created, order.updated), not '" + topic + "'");
        }
        String delivery = request.header(DELIVERY_HEADER);
        JsonObject order = JsonBody.object(request.body());
        String orderId = requiredId(order, "id", "");
        Contact recipient = recipient(order);
        Location destination = address(order, "shipping");
        List<ChannelChange> changes = new ArrayList<>();
        changes.add(new OrderPlaced(orderId, recipient, destination, null, lenientInstant(order, "date_created_gmt"), lenientInstant(order, "date_paid_gmt"),
                optionalId(order, "number", "")));
        for (var meta : JsonBody.objects(order, "meta_data", "")) {
            if (TRACKING_META.equals(optionalText(meta.json(), "key", meta.path()))) {
                changes.addAll(trackingItems(meta.json().get("value"), meta.path() + ".value", orderId, recipient, destination));
            }
        }
        if ("cancelled".equals(optionalText(order, "status", ""))) {
            changes.add(new Cancelled(orderId, null, modifiedAt(order, request.receivedAt())));
        }
        return ChannelDelivery.of(delivery, request.body(), changes);
    }

    /** WooCommerce's {@code date_modified_gmt}: no offset, UTC by its name. */
    private static Instant modifiedAt(JsonObject order, Instant otherwise) throws ProblemException {
        String modified = optionalText(order, "date_modified_gmt", "");
        try {
            return modified == null ? otherwise : LocalDateTime.parse(modified).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw JsonBody.bad("date_modified_gmt must be a date-time such as 2017-03-22T19:30:35, not '" + modified + "'");
        }
    }

    private static List<Fulfilled> trackingItems(JsonValue value, String path, String orderId, Contact recipient, Location destination)
            throws ProblemException {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw JsonBody.bad(path + " must be an array of tracking items");
        }
        List<Fulfilled> fulfilled = new ArrayList<>();
        for (int i = 0; i < value.asJsonArray().size(); i++) {
            String at = path + "[" + i + "]";
            if (value.asJsonArray().get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw JsonBody.bad(at + " must be an object");
            }
            JsonObject item = value.asJsonArray().getJsonObject(i);
            String number = JsonBody.requiredString(item, "tracking_number", at).trim();
            String provider = optionalText(item, "tracking_provider", at);
            String carrierName = provider != null ? provider : optionalText(item, "custom_tracking_provider", at);
            String itemId = optionalText(item, "tracking_id", at);
            fulfilled.add(new Fulfilled(orderId, itemId != null ? itemId : number, ChannelCarriers.code(carrierName), carrierName,
                    List.of(number), recipient, destination));
        }
        return fulfilled;
    }

    private static Contact recipient(JsonObject order) throws ProblemException {
        JsonObject billing = JsonBody.optionalObject(order, "billing", "");
        JsonObject shipping = JsonBody.optionalObject(order, "shipping", "");
        JsonObject named = shipping != null && optionalText(shipping, "first_name", "shipping") != null ? shipping : billing;
        String name = named == null ? null : String.join(" ", nonNull(optionalText(named, "first_name", ""), optionalText(named, "last_name", ""))).trim();
        String email = billing == null ? null : optionalText(billing, "email", "billing");
        String phone = billing == null ? null : optionalText(billing, "phone", "billing");
        return Contact.ifAny(name, email, phone);
    }

    private static List<String> nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).toList();
    }

    private static Location address(JsonObject order, String field) throws ProblemException {
        return JsonBody.place(order, field, "", "city", "state", "country", "postcode");
    }
}
