package dev.tracklight.core.channels;

import dev.tracklight.core.channels.ChannelChange.Cancelled;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.FulfillmentProgress;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.shopify.ShopifyAdapter;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shopify's published sample payloads (events/channels/shopify/), signed as Shopify signs them. */
class ShopifyAdapterTest {

    private static final String SECRET = "shopify-app-secret";
    private final ShopifyAdapter adapter = new ShopifyAdapter();

    static WebhookRequest signed(String topic, String body, String webhookId) {
        return new WebhookRequest(Map.of("X-Shopify-Topic", topic, "X-Shopify-Hmac-Sha256", HmacSha256.signBase64(SECRET, body),
                "X-Shopify-Webhook-Id", webhookId), body, Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void aFulfilmentNamesTheOrderItsCarrierAndItsNumbersWithIdsReadExactly() throws Exception {
        var request = signed("fulfillments/create", Fixtures.read("channels/shopify/fulfillments_create.json"), "wh-1");
        adapter.verify(request, SECRET);

        var delivery = adapter.parse(request);

        assertThat(delivery.deliveryId()).isEqualTo("wh-1");
        Fulfilled fulfilled = (Fulfilled) delivery.changes().getFirst();
        assertThat(fulfilled.orderId()).as("past 2^53, not rounded").isEqualTo("820982911946154508");
        assertThat(fulfilled.fulfillmentId()).isEqualTo("123456");
        assertThat(fulfilled.carrier()).isEqualTo("ups");
        assertThat(fulfilled.trackingNumbers()).containsExactly("1z827wk74630");
        assertThat(fulfilled.destination().country()).isEqualTo("US");
        assertThat(fulfilled.destination().region()).isEqualTo("KY");
        assertThat(fulfilled.recipient().email()).isEqualTo("jon@example.com");
    }

    @Test
    void anOrderGivesItsRecipientAndAFulfilmentEventItsProgress() throws Exception {
        OrderPlaced order = (OrderPlaced) adapter.parse(signed("orders/create", Fixtures.read("channels/shopify/orders_create.json"), "wh-2"))
                .changes().getFirst();
        FulfillmentProgress progress = (FulfillmentProgress) adapter.parse(signed("fulfillment_events/create",
                Fixtures.read("channels/shopify/fulfillment_events_create.json"), "wh-3")).changes().getFirst();

        assertThat(order.orderId()).isEqualTo("820982911946154508");
        assertThat(order.recipient().name()).isEqualTo("Steve Shipper");
        assertThat(order.destination().city()).isEqualTo("Shippington");
        // placed when Shopify created it; its payment was voided, so it was never confirmed
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(order.paidAt()).isNull();
        assertThat(order.orderNumber()).as("the name its buyer sees, not the id").isEqualTo("#9999");
        assertThat(progress.fulfillmentId()).isEqualTo("123456");
        assertThat(progress.status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(progress.occurredAt()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
        assertThat(progress.localOffset()).isEqualTo("-05:00");
        assertThat(progress.location().country()).isEqualTo("CA");
    }

    @Test
    void aCancelledFulfilmentAndACancelledOrderAreCancellations() throws Exception {
        String cancelledFulfilment = Fixtures.read("channels/shopify/fulfillments_update.json").replace("\"status\": \"pending\"", "\"status\": \"cancelled\"");
        String cancelledOrder = "{\"id\": 820982911946154508, \"cancelled_at\": \"2022-01-02T09:30:00-05:00\", \"cancel_reason\": \"customer\"}";

        var fulfilment = adapter.parse(signed("fulfillments/update", cancelledFulfilment, "wh-5")).changes();
        var order = adapter.parse(signed("orders/cancelled", cancelledOrder, "wh-6")).changes();

        assertThat(fulfilment).hasSize(2).last().isEqualTo(new Cancelled("820982911946154508", "123456", Instant.parse("2022-01-01T00:00:00Z")));
        assertThat(order).containsExactly(new Cancelled("820982911946154508", null, Instant.parse("2022-01-02T14:30:00Z")));
        assertThat(adapter.parse(signed("fulfillments/update", Fixtures.read("channels/shopify/fulfillments_update.json"), "wh-7")).changes())
                .as("a fulfilment that is not cancelled").hasSize(1);
    }

    @Test
    void aWrongSignatureOrAnUnknownTopicIsRefused() {
        String body = Fixtures.read("channels/shopify/fulfillments_create.json");
        var tampered = new WebhookRequest(Map.of("X-Shopify-Topic", "fulfillments/create",
                "X-Shopify-Hmac-Sha256", HmacSha256.signBase64("other-secret", body)), body, Instant.now());

        assertThatThrownBy(() -> adapter.verify(tampered, SECRET)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).problem().status()).isEqualTo(401);
        assertThatThrownBy(() -> adapter.parse(signed("products/create", body, "wh-4"))).isInstanceOf(ProblemException.class)
                .hasMessageContaining("products/create");
    }
}
