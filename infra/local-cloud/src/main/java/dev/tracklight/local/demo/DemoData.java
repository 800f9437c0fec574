package dev.tracklight.local.demo;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.tenant.Branding;
import dev.tracklight.local.LocalCloud;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A demo merchant with an API key, the generic webhook secret, and a few shipments at different stages,
 * all created through the public HTTP endpoints, as a merchant and a carrier would.
 */
public final class DemoData {

    public static final String TENANT = "demo-merchant";
    /** Demo only: a real deployment sets its own secret per source. */
    public static final String WEBHOOK_SECRET = "demo-webhook-secret";
    /** EasyPost's test keys start EZTK; the sandbox takes any such key as a test account. */
    static final String EASYPOST_TEST_KEY = "EZTKdemo0000000000000000";
    /** The sandbox takes UPS clients named sandbox-… with a secret of 16 or more characters. */
    static final String UPS_SANDBOX_SECRET = "demo-ups-client-secret";
    static final String DHL_SANDBOX_KEY = "sandbox-demo-merchant-dhl";

    /** The demo shop as its pages show it; no logo, since a demo page loads nothing from outside this machine. */
    static final Branding BRAND = new Branding("Lotus Tea House", null, "#0a6e4f", "help@lotus-tea.example", "+86 571 8888 0000",
            "https://lotus-tea.example/help", List.of(new Branding.Link("Returns", "https://lotus-tea.example/returns")));

    private DemoData() {
    }

    /** A seeded shipment: its tracking number, carrier, the public token of its page, and its order's page. */
    public record DemoShipment(String id, String carrier, String trackingNumber, String token, String trackingUrl, String orderUrl,
                               String story) {
    }

    /** The demo order whose two parcels (shipments 1 and 6) share one page, with its warehouse steps reported. */
    static final String DEMO_ORDER = "ORD-1001";

    public record Seeded(String apiKey, List<DemoShipment> shipments) {
    }

    public static Seeded seed(LocalCloud cloud) throws IOException, InterruptedException {
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        // an admin key, so the demo merchant can also try the carrier-account and key routes
        String apiKey = new ApiKeyStore(cloud.dynamoDb(), table).issue(TENANT, ApiKeyStore.Role.ADMIN).secret();
        new WebhookEndpointStore(cloud.dynamoDb(), table).putPlatform(TracklightAdapter.SOURCE, WEBHOOK_SECRET);
        new BrandingStore(cloud.dynamoDb(), table, Clock.systemUTC()).write(TENANT, BRAND);
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ZoneOffset china = ZoneOffset.ofHours(8);
        ZoneOffset pacific = ZoneOffset.ofHours(-8);
        LocalDate todayInChina = LocalDate.ofInstant(now, china);

        learnDeliveryHistory(cloud, table, now);

        List<DemoShipment> shipments = new ArrayList<>();
        // 1. In transit with the carrier's own estimate for tomorrow afternoon: on time.
        shipments.add(register(client, apiKey, "sf-express", "SF1234567890", DEMO_ORDER, "张三丰",
                place("Hangzhou", "ZJ", "CN"), place("Shanghai", "SH", "CN"), todayInChina.plusDays(2), "in transit, on time (carrier estimate)"));
        Instant sfEta = todayInChina.plusDays(1).atTime(15, 0).toInstant(china);
        webhook(client, "sf-express", "SF1234567890", List.of(
                event("INFO_RECEIVED", null, "50", "顺丰速运 已收到订单信息 / Order information received", now.minus(Duration.ofHours(30)), china, "Hangzhou", "ZJ", 30.2741, 120.1551, null),
                event("PICKED_UP", "COLLECTED", "54", "顺丰速运 已收取快件 / Picked up by courier", now.minus(Duration.ofHours(26)), china, "Hangzhou", "ZJ", 30.2741, 120.1551, null),
                event("IN_TRANSIT", "DEPARTED_HUB", "36", "快件已发车 / Departed Hangzhou hub", now.minus(Duration.ofHours(20)), china, "Jiaxing", "ZJ", 30.7461, 120.7555, sfEta),
                event("IN_TRANSIT", "ARRIVED_SORTING", "31", "快件到达 上海分拨中心 / Arrived at Shanghai sorting centre", now.minus(Duration.ofHours(6)), china, "Shanghai", "SH", 31.2304, 121.4737, sfEta)));
        // 2. Out for delivery, the carrier expecting it within hours; the promise is tomorrow.
        shipments.add(register(client, apiKey, "ups", "1Z999AA10123456784", "ORD-1002", "Jane Doe",
                place("Los Angeles", "CA", "US"), place("Seattle", "WA", "US"), LocalDate.ofInstant(now, pacific).plusDays(1),
                "out for delivery, arriving within hours"));
        Instant upsEta = now.plus(Duration.ofHours(3));
        webhook(client, "ups", "1Z999AA10123456784", List.of(
                event("INFO_RECEIVED", null, "MP", "Shipper created a label", now.minus(Duration.ofHours(50)), pacific, "Los Angeles", "CA", 34.0522, -118.2437, null),
                event("PICKED_UP", "ORIGIN_SCAN", "OR", "Origin scan", now.minus(Duration.ofHours(40)), pacific, "Los Angeles", "CA", 34.0522, -118.2437, null),
                event("IN_TRANSIT", "DEPARTED_FACILITY", "DP", "Departed from facility", now.minus(Duration.ofHours(30)), pacific, "Sacramento", "CA", 38.5816, -121.4944, null),
                event("IN_TRANSIT", "ARRIVED_FACILITY", "AR", "Arrived at facility", now.minus(Duration.ofHours(8)), pacific, "Seattle", "WA", 47.6062, -122.3321, null),
                event("OUT_FOR_DELIVERY", "ON_VEHICLE", "OT", "Out for delivery today", now.minus(Duration.ofHours(2)), pacific, "Seattle", "WA", 47.6062, -122.3321, upsEta)));
        // 3. Delivered; the carrier's text contains markup, which the page shows as text.
        shipments.add(register(client, apiKey, "dhl", "JD014600003828", "ORD-1003", "李四",
                place("Shenzhen", "GD", "CN"), place("Guangzhou", "GD", "CN"), todayInChina.minusDays(1), "delivered"));
        webhook(client, "dhl", "JD014600003828", List.of(
                event("PICKED_UP", null, "PU", "Shipment picked up", now.minus(Duration.ofHours(40)), china, "Shenzhen", "GD", 22.5431, 114.0579, null),
                event("IN_TRANSIT", "PROCESSED", "PL", "Processed at Shenzhen gateway", now.minus(Duration.ofHours(34)), china, "Shenzhen", "GD", 22.5431, 114.0579, null),
                event("OUT_FOR_DELIVERY", null, "WC", "With delivery courier", now.minus(Duration.ofHours(24)), china, "Guangzhou", "GD", 23.1291, 113.2644, null),
                event("DELIVERED", "SIGNED", "OK", "Delivered, signed by <b>front desk</b>", now.minus(Duration.ofHours(22)), china, "Guangzhou", "GD", 23.1291, 113.2644, null)));
        // 4. The carrier now expects it late tonight, past the end of the promised day: at risk.
        shipments.add(register(client, apiKey, "yto", "YT2298765432109", "ORD-1004", "王小明",
                place("Shanghai", "SH", "CN"), place("Beijing", "BJ", "CN"), todayInChina.plusDays(1), "at risk (estimate near the end of the promised day)"));
        Instant ytoEta = todayInChina.plusDays(1).atTime(22, 30).toInstant(china);
        webhook(client, "yto", "YT2298765432109", List.of(
                event("PICKED_UP", null, "GOT", "圆通 已揽收 / Collected in Shanghai", now.minus(Duration.ofHours(20)), china, "Shanghai", "SH", 31.2304, 121.4737, null),
                event("IN_TRANSIT", "DEPARTED_HUB", "DEP", "离开 上海转运中心 / Left Shanghai transit centre", now.minus(Duration.ofHours(16)), china, "Shanghai", "SH", 31.1443, 121.8083, null),
                event("IN_TRANSIT", "ARRIVED_HUB", "ARR", "到达 济南转运中心 / Arrived at Jinan transit centre, rerouted due to weather", now.minus(Duration.ofHours(3)), china, "Jinan", "SD", 36.6512, 117.1201, ytoEta)));
        // 5. No scan for four days: stalled.
        shipments.add(register(client, apiKey, "zto", "78901234567890", "ORD-1005", "Chen Wei",
                place("Guangzhou", "GD", "CN"), place("Chengdu", "SC", "CN"), todayInChina.plusDays(2), "stalled (no scan for 4 days)"));
        webhook(client, "zto", "78901234567890", List.of(
                event("PICKED_UP", null, "RECV", "中通 已收件 / Received by ZTO", now.minus(Duration.ofHours(110)), china, "Guangzhou", "GD", 23.1291, 113.2644, null),
                event("IN_TRANSIT", "DEPARTED_HUB", "SEND", "已发往 成都中转部 / Sent to Chengdu hub", now.minus(Duration.ofHours(96)), china, "Changsha", "HN", 28.2282, 112.9388, null)));
        // 6. No carrier estimate: the engine's window from the route's recent deliveries, with its EDD.
        shipments.add(register(client, apiKey, "jd", "JDV001234567890", DEMO_ORDER, "张三丰",
                place("Hangzhou", "ZJ", "CN"), place("Shanghai", "SH", "CN"), todayInChina.plusDays(10),
                "in transit, ETA from recent deliveries; the second parcel of order " + DEMO_ORDER));
        reportStage(client, apiKey, "PLACED", now.minus(Duration.ofHours(34)));
        reportStage(client, apiKey, "CONFIRMED", now.minus(Duration.ofHours(34)).plusSeconds(40));
        reportStage(client, apiKey, "PACKED", now.minus(Duration.ofHours(31)));
        webhook(client, "jd", "JDV001234567890", List.of(
                event("PICKED_UP", null, "PU", "京东物流 已揽收 / Collected in Hangzhou", now.minus(Duration.ofHours(10)), china, "Hangzhou", "ZJ", 30.2741, 120.1551, null),
                event("IN_TRANSIT", "DEPARTED_HUB", "DEP", "离开 杭州分拣中心 / Left Hangzhou sorting centre", now.minus(Duration.ofHours(4)), china, "Hangzhou", "ZJ", 30.2741, 120.1551, null)));
        // 7. Subscribed at EasyPost (the sandbox's test account): EasyPost's own pushes deliver it within a minute.
        connect(client, apiKey, "easypost", "{\"credentials\":{\"apiKey\":\"" + EASYPOST_TEST_KEY + "\"}}");
        shipments.add(register(client, apiKey, "usps", "EZ4000000004", "ORD-1007", "Jane Roe",
                place("San Francisco", "CA", "US"), place("Seattle", "WA", "US"), LocalDate.ofInstant(now, pacific).plusDays(5),
                "subscribed at EasyPost: moves by itself to delivered"));
        // 8. Subscribed at UPS Track Alert with the demo merchant's own UPS client: UPS pushes each activity.
        connect(client, apiKey, "ups", "{\"credentials\":{\"clientId\":\"sandbox-demo-merchant\",\"clientSecret\":\"" + UPS_SANDBOX_SECRET + "\"}}");
        shipments.add(register(client, apiKey, "ups", "1ZTLSANDBOX0000001", "ORD-1008", "Sam Lee",
                place("Atlanta", "GA", "US"), place("New York", "NY", "US"), LocalDate.ofInstant(now, pacific).plusDays(5),
                "subscribed at UPS Track Alert: moves by itself to delivered"));
        // 9. A number EasyPost refuses: the page says the carrier does not know it, instead of waiting silently.
        shipments.add(register(client, apiKey, "usps", "EZ9999999999", "ORD-1009", "Kim Park",
                place("Portland", "OR", "US"), place("Seattle", "WA", "US"), LocalDate.ofInstant(now, pacific).plusDays(5),
                "refused by EasyPost: the page says the carrier does not know the number"));
        // 10. DHL pushes nothing it can be asked for: polled with the demo merchant's own DHL key, on the stage's cadence.
        connect(client, apiKey, "dhl", "{\"credentials\":{\"apiKey\":\"" + DHL_SANDBOX_KEY + "\"}}");
        shipments.add(register(client, apiKey, "dhl", "00340434161094000001", "ORD-1010", "Max Müller",
                place("Bonn", "NW", "DE"), place("Berlin", "BE", "DE"), LocalDate.ofInstant(now, ZoneId.of("Europe/Berlin")).plusDays(3),
                "polled at DHL: moves by itself to delivered"));
        awaitProcessed(client, shipments.subList(0, 6));
        return new Seeded(apiKey, shipments);
    }

    /**
     * Waits until the processor has folded the seeded webhooks into each page (functions that start cold, from their
     * zips, take a few seconds), so every link printed shows its story when it is opened.
     */
    private static void awaitProcessed(TracklightClient client, List<DemoShipment> seeded) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        for (DemoShipment shipment : seeded) {
            while (String.valueOf(Json.read(client.track(shipment.token()).body(), Map.class).get("status")).equals("PENDING")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the demo's webhooks were not processed within 120 s (" + shipment.trackingNumber() + ")");
                }
                Thread.sleep(200);
            }
        }
    }

    /** One of the demo merchant's carrier accounts, through the merchant API: the carrier sandbox's test credentials. */
    private static void connect(TracklightClient client, String apiKey, String source, String account) throws IOException, InterruptedException {
        HttpResponse<String> stored = client.send(HttpRequest.newBuilder(client.base().resolve("/v1/carrier-accounts/" + source))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(account)));
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("demo carrier account failed: " + stored.statusCode() + " " + stored.body());
        }
    }

    /**
     * Forty deliveries on the Hangzhou → Shanghai JD route over the last two months (one to two days'
     * transit), kept and learnt as the processor and the learner do with real deliveries, so shipment 6 shows
     * the engine's window. Learnt before any webhook, so no function has cached an untrained model.
     */
    private static void learnDeliveryHistory(LocalCloud cloud, String table, Instant now) {
        var model = new EtaModelStore(cloud.dynamoDb(), table, Clock.systemUTC());
        ZoneOffset china = ZoneOffset.ofHours(8);
        Location hangzhou = new Location("Hangzhou", "ZJ", "CN", "310000", null, null);
        Location shanghai = new Location("Shanghai", "SH", "CN", "200000", null, null);
        Instant first = now.minus(Duration.ofDays(60));
        for (int i = 0; i < 40; i++) {
            Instant handedOver = first.plus(Duration.ofHours(36L * i));
            Instant delivered = handedOver.plus(Duration.ofHours(26 + (i * 7) % 22));
            Shipment past = Shipment.registered(TENANT, "demo-history-" + i, null, "jd", "JDHISTORY" + i, null, hangzhou, shanghai,
                    null, null, "demo-history-" + i, handedOver);
            TransitLessons.lesson(past, handedOver, delivered, china, now).ifPresent(model::keep);
        }
        model.learnWaiting(Deadline.none());
    }

    private static Map<String, Object> place(String city, String region, String country) {
        return Map.of("city", city, "region", region, "country", country);
    }

    /** The body of a generic Tracklight webhook with one event, stamped now. */
    public static String webhookBody(String carrier, String trackingNumber, String status, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber,
                "events", List.of(event(status, null, status, message, now, ZoneOffset.UTC, null, null, null, null, null))));
    }

    private static DemoShipment register(TracklightClient client, String apiKey, String carrier, String trackingNumber,
                                         String orderId, String recipient, Map<String, Object> origin,
                                         Map<String, Object> destination, LocalDate promised, String story)
            throws IOException, InterruptedException {
        String body = Json.write(Map.of("orderId", orderId, "carrier", carrier, "trackingNumber", trackingNumber,
                "origin", origin, "destination", destination, "promisedDelivery", promised.toString(),
                "recipient", Map.of("name", recipient, "email", "demo@example.com", "phone", "+86 138 0000 0000")));
        HttpResponse<String> response = client.registerShipment(apiKey, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("demo registration failed: " + response.statusCode() + " " + response.body());
        }
        Map<?, ?> created = Json.read(response.body(), Map.class);
        String url = (String) created.get("trackingUrl");
        return new DemoShipment((String) created.get("id"), carrier, trackingNumber, url.substring(url.lastIndexOf('/') + 1), url,
                (String) created.get("orderUrl"), story);
    }

    /** A warehouse step of the demo order, as the merchant's warehouse system would report it. */
    private static void reportStage(TracklightClient client, String apiKey, String stage, Instant at) throws IOException, InterruptedException {
        HttpResponse<String> reported = client.merchant("POST", "/v1/orders/" + DEMO_ORDER + "/stages", apiKey,
                Json.write(Map.of("stage", stage, "at", at.toString())));
        if (reported.statusCode() != 200) {
            throw new IllegalStateException("demo order stage failed: " + reported.statusCode() + " " + reported.body());
        }
    }

    private static void webhook(TracklightClient client, String carrier, String trackingNumber, List<Map<String, Object>> events)
            throws IOException, InterruptedException {
        String body = Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber, "events", events));
        HttpResponse<String> response = client.postSignedWebhook(WEBHOOK_SECRET, body);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("demo webhook failed: " + response.statusCode() + " " + response.body());
        }
    }

    private static Map<String, Object> event(String status, String subStatus, String code, String message, Instant at,
                                             ZoneOffset offset, String city, String region, Double lat, Double lon,
                                             Instant carrierEta) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("status", status);
        if (subStatus != null) {
            event.put("subStatus", subStatus);
        }
        event.put("code", code);
        event.put("message", message);
        event.put("occurredAt", OffsetDateTime.ofInstant(at, offset).toString());
        if (city != null) {
            event.put("location", Map.of("city", city, "region", region, "lat", lat, "lon", lon));
        }
        if (carrierEta != null) {
            event.put("carrierEta", OffsetDateTime.ofInstant(carrierEta, offset).toString());
        }
        return event;
    }
}
