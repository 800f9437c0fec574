package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shopify's and WooCommerce's published sample payloads, signed as those platforms sign them, create the
 * merchant's shipments through the real local endpoints; a wrong signature creates nothing.
 */
class ChannelWebhooksTest {

    private static String apiKey;
    private static WebhookEndpoint shopify;
    private static WebhookEndpoint woo;
    private static String tenant;

    @BeforeAll
    static void tenantWithChannels() throws Exception {
        tenant = "tenant-channels-" + UUID.randomUUID();
        var cloud = SharedCloud.get();
        apiKey = new ApiKeyStore(cloud.dynamoDb(), SharedCloud.table()).issue(tenant);
        var endpoints = new WebhookEndpointStore(cloud.dynamoDb(), SharedCloud.table());
        shopify = endpoints.create(tenant, "shopify", null);
        woo = endpoints.create(tenant, "woocommerce", null);
    }

    private static String sample(String path) throws Exception {
        return Files.readString(SharedCloud.template().resolveSibling("events/channels/" + path));
    }

    private static HttpResponse<String> post(WebhookEndpoint endpoint, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + endpoint.path()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return SharedCloud.client().send(request);
    }

    private static HttpResponse<String> shopify(String topic, String body, String webhookId, String secret) throws Exception {
        return post(shopify, body, "X-Shopify-Topic", topic, "X-Shopify-Webhook-Id", webhookId,
                "X-Shopify-Hmac-Sha256", HmacSha256.signBase64(secret, body));
    }

    private static List<?> shipmentsOfOrder(String orderId) throws Exception {
        return (List<?>) Json.read(SharedCloud.client().merchant("GET", "/v1/shipments?orderId=" + orderId, apiKey, null).body(), Map.class)
                .get("shipments");
    }

    private static Map<?, ?> orderOf(String orderId) throws Exception {
        var order = SharedCloud.client().merchant("GET", "/v1/orders/" + orderId, apiKey, null);
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        return Json.read(order.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stage(Map<?, ?> order, String name) {
        return ((List<?>) order.get("stages")).stream().map(stage -> (Map<String, Object>) stage)
                .filter(stage -> name.equals(stage.get("stage"))).findFirst().orElseThrow();
    }

    @Test
    void shopifysOrderFulfilmentAndFulfilmentEventBecomeAShipmentThatMoves() throws Exception {
        // a wrong signature is refused and creates nothing
        var forged = shopify("fulfillments/create", sample("shopify/fulfillments_create.json"), "wh-forged", "not-the-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(shipmentsOfOrder("820982911946154508")).isEmpty();

        // the order, then its fulfilment: a shipment with the order's recipient
        assertThat(shopify("orders/create", sample("shopify/orders_create.json"), "wh-order", shopify.secret()).statusCode()).isEqualTo(200);
        var fulfilled = shopify("fulfillments/create", sample("shopify/fulfillments_create.json"), "wh-fulfil", shopify.secret());
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
        assertThat(fulfilled.body()).contains("\"shipments\":1");
        Map<?, ?> shipment = (Map<?, ?>) shipmentsOfOrder("820982911946154508").getFirst();
        assertThat(shipment.get("carrier")).isEqualTo("ups");
        assertThat(shipment.get("trackingNumber")).isEqualTo("1Z827WK74630");
        assertThat(shipment.get("channel")).isEqualTo("shopify");
        assertThat(((Map<?, ?>) shipment.get("recipient")).get("name")).isEqualTo("Steve Shipper");
        // the order's page has its first stage from the order's own time, and lists the parcel
        Map<?, ?> order = orderOf("820982911946154508");
        assertThat(order.get("orderUrl")).isEqualTo(shipment.get("orderUrl")).isNotNull();
        assertThat(stage(order, "PLACED")).containsEntry("at", "2022-01-01T00:00:00Z").containsEntry("done", true);
        assertThat(stage(order, "CONFIRMED")).doesNotContainKey("at").containsEntry("done", false);
        String orderToken = ((String) order.get("orderUrl")).substring(((String) order.get("orderUrl")).lastIndexOf('/') + 1);
        String page = SharedCloud.client().merchant("GET", "/v1/track/orders/" + orderToken, null, null).body();
        assertThat(page).contains("\"trackingNumber\":\"1Z827WK74630\"").as("the name its buyer was given").contains("\"orderNumber\":\"#9999\"");
        // and the buyer finds it by that number as typed from the receipt, with the order's e-mail
        var found = SharedCloud.client().send(java.net.http.HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + "/v1/track/orders"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
                        "shop", tenant, "orderNumber", "9999", "email", "jon@example.com")))));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(Json.read(found.body(), Map.class).get("orderUrl")).isEqualTo(order.get("orderUrl"));

        // Shopify retries the same delivery, and sends the update: still one shipment
        assertThat(shopify("fulfillments/create", sample("shopify/fulfillments_create.json"), "wh-fulfil", shopify.secret()).body())
                .contains("duplicate");
        assertThat(shopify("fulfillments/update", sample("shopify/fulfillments_update.json"), "wh-update", shopify.secret()).statusCode())
                .isEqualTo(200);
        assertThat(shipmentsOfOrder("820982911946154508")).hasSize(1);

        // the fulfilment event moves it
        assertThat(shopify("fulfillment_events/create", sample("shopify/fulfillment_events_create.json"), "wh-event", shopify.secret())
                .body()).contains("\"events\":1");
        String id = (String) shipment.get("id");
        WebSocketApiTest.awaitUntil(() -> SharedCloud.client().merchant("GET", "/v1/shipments/" + id, apiKey, null).body()
                .contains("\"status\":\"IN_TRANSIT\""), SharedCloud.JOURNEY);
    }

    @Test
    void aCarrierNeitherTheNameNorTheNumberTellsIsRegisteredUnderTheChannelsNameRatherThanRefused() throws Exception {
        String body = sample("shopify/fulfillments_create.json").replace("\"UPS\"", "\"Acme Freight\"")
                .replace("1z827wk74630", "AF-4471").replace("820982911946154508", "4471");

        var accepted = shopify("fulfillments/create", body, "wh-acme", shopify.secret());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Map<?, ?> shipment = (Map<?, ?>) shipmentsOfOrder("4471").getFirst();
        assertThat(shipment.get("carrier")).isEqualTo("acme-freight");
        assertThat(((Map<?, ?>) shipment.get("carrierChoice")).get("pinned")).isEqualTo(false);
    }

    @Test
    void wooCommercesPingIsAnsweredAndItsSignedOrderWithTrackingCreatesTheShipment() throws Exception {
        var ping = post(woo, "webhook_id=15", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(ping.statusCode()).isEqualTo(200);

        String body = sample("woocommerce/order_updated.json");
        var forged = post(woo, body, "X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", "d-forged",
                "X-WC-Webhook-Signature", HmacSha256.signBase64("not-the-secret", body));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(shipmentsOfOrder("727")).isEmpty();

        var accepted = post(woo, body, "X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", "d-1",
                "X-WC-Webhook-Signature", HmacSha256.signBase64(woo.secret(), body));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Map<?, ?> shipment = (Map<?, ?>) shipmentsOfOrder("727").getFirst();
        assertThat(shipment.get("carrier")).isEqualTo("usps");
        assertThat(shipment.get("trackingNumber")).isEqualTo("9400111899560000000000");
        assertThat(((Map<?, ?>) shipment.get("recipient")).get("email")).isEqualTo("john.doe@example.com");
        // a paid order is confirmed when it was paid
        Map<?, ?> order = orderOf("727");
        assertThat(stage(order, "PLACED")).containsEntry("at", "2017-03-22T19:28:02Z");
        assertThat(stage(order, "CONFIRMED")).containsEntry("at", "2017-03-22T19:28:08Z").containsEntry("done", true);
    }

    @Test
    void aCancelledShopifyFulfilmentAndACancelledWooCommerceOrderCancelTheirShipments() throws Exception {
        // GIVEN a Shopify fulfilment that made a shipment
        String created = sample("shopify/fulfillments_create.json").replace("820982911946154508", "5501").replace("1z827wk74630", "1Z5501CANCEL")
                .replace("\"id\": 123456,", "\"id\": 5501001,");
        assertThat(shopify("fulfillments/create", created, "wh-5501", shopify.secret()).statusCode()).isEqualTo(200);
        String shopifyShipment = (String) ((Map<?, ?>) shipmentsOfOrder("5501").getFirst()).get("id");

        // WHEN Shopify says the fulfilment was cancelled, and WooCommerce sends an order cancelled with its tracking
        String cancelled = sample("shopify/fulfillments_update.json").replace("820982911946154508", "5501").replace("1z827wk74630", "1Z5501CANCEL")
                .replace("\"id\": 123456,", "\"id\": 5501001,").replace("\"status\": \"pending\"", "\"status\": \"cancelled\"");
        assertThat(shopify("fulfillments/update", cancelled, "wh-5501-cancel", shopify.secret()).body()).contains("\"events\":1");
        String wooOrder = sample("woocommerce/order_updated.json").replace("\"id\": 727", "\"id\": 7270")
                .replace("9400111899560000000000", "9400111899560000007270").replace("\"status\": \"completed\"", "\"status\": \"cancelled\"");
        var woo = post(ChannelWebhooksTest.woo, wooOrder, "X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", "d-7270",
                "X-WC-Webhook-Signature", HmacSha256.signBase64(ChannelWebhooksTest.woo.secret(), wooOrder));
        assertThat(woo.statusCode()).as(woo.body()).isEqualTo(200);

        // THEN both shipments end CANCELLED, the cancellation on their timelines from the channel
        String wooShipment = (String) ((Map<?, ?>) shipmentsOfOrder("7270").getFirst()).get("id");
        for (String id : List.of(shopifyShipment, wooShipment)) {
            WebSocketApiTest.awaitUntil(() -> SharedCloud.client().merchant("GET", "/v1/shipments/" + id, apiKey, null).body()
                    .contains("\"status\":\"CANCELLED\""), SharedCloud.JOURNEY);
        }
        assertThat(SharedCloud.client().merchant("GET", "/v1/shipments/" + wooShipment + "/events", apiKey, null).body())
                .contains("\"source\":\"woocommerce\"").contains("Order cancelled in woocommerce");
    }
}
