package dev.tracklight.core.channels.generic;

import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.channels.ChannelAdapter;
import dev.tracklight.core.channels.ChannelChange;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.ChannelDelivery;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static dev.tracklight.core.carriers.JsonBody.lenientInstant;
import static dev.tracklight.core.carriers.JsonBody.optionalText;
import static dev.tracklight.core.carriers.JsonBody.requiredId;

/**
 * The generic channel JSON, for shops on any other platform, signed as the generic carrier format is
 * ({@code Tracklight-Signature: v1=hex(HMAC-SHA256(secret, timestamp + "." + body))}, five-minute window):
 * <pre>{"orderId": "1001", "promisedDelivery": "2026-12-01",
 *  "recipient": {"name": …, "email": …, "phone": …}, "destination": {"city": …, "region": …, "country": …, "postalCode": …},
 *  "fulfillments": [{"id": "f1", "carrier": "ups", "trackingNumbers": ["1Z…"]}]}</pre>
 */
public final class GenericChannelAdapter implements ChannelAdapter {

    public static final String CHANNEL = "generic";
    private final TracklightAdapter signatures;

    public GenericChannelAdapter(TracklightAdapter signatures) {
        this.signatures = signatures;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        signatures.verify(request, secret);
    }

    @Override
    public ChannelDelivery parse(WebhookRequest request) throws ProblemException {
        JsonObject json = JsonBody.object(request.body());
        String orderId = requiredId(json, "orderId", "");
        Contact recipient = contact(JsonBody.optionalObject(json, "recipient", ""));
        Location destination = JsonBody.place(json, "destination", "", "city", "region", "country", "postalCode");
        List<ChannelChange> changes = new ArrayList<>();
        changes.add(new OrderPlaced(orderId, recipient, destination, date(optionalText(json, "promisedDelivery", "")),
                lenientInstant(json, "placedAt"), lenientInstant(json, "paidAt"), optionalText(json, "orderNumber", "")));
        for (var fulfillment : JsonBody.objects(json, "fulfillments", "")) {
            List<String> numbers = new ArrayList<>();
            for (JsonValue number : JsonBody.array(fulfillment.json(), "trackingNumbers", fulfillment.path())) {
                if (!(number instanceof JsonString text) || text.getString().isBlank()) {
                    throw JsonBody.bad(fulfillment.path() + ".trackingNumbers must hold non-empty strings");
                }
                numbers.add(text.getString().trim());
            }
            String carrier = TrackingNumbers.normalizeCarrier(optionalText(fulfillment.json(), "carrier", fulfillment.path()));
            changes.add(new Fulfilled(orderId, requiredId(fulfillment.json(), "id", fulfillment.path()), carrier, carrier,
                    numbers, recipient, destination));
        }
        return ChannelDelivery.of(null, request.body(), changes);
    }

    private static Contact contact(JsonObject recipient) throws ProblemException {
        return recipient == null ? null : new Contact(optionalText(recipient, "name", "recipient"),
                optionalText(recipient, "email", "recipient"), optionalText(recipient, "phone", "recipient"));
    }

    private static LocalDate date(String text) throws ProblemException {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonBody.bad("promisedDelivery must be a date such as 2026-12-01");
        }
    }
}
