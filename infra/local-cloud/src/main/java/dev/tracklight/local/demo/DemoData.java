package dev.tracklight.local.demo;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookSecretStore;
import dev.tracklight.core.carriers.tracklight.TracklightJsonAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.LocalCloud;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    private DemoData() {
    }

    /** A seeded shipment: its tracking number, carrier and the public token of its page. */
    public record DemoShipment(String carrier, String trackingNumber, String token, String trackingUrl, String story) {
    }

    public record Seeded(String apiKey, List<DemoShipment> shipments) {
    }

    public static Seeded seed(LocalCloud cloud) throws IOException, InterruptedException {
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        String apiKey = new ApiKeyStore(cloud.dynamoDb(), table).issue(TENANT);
        new WebhookSecretStore(cloud.dynamoDb(), table).put(TracklightJsonAdapter.SOURCE, WEBHOOK_SECRET);
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ZoneOffset shanghai = ZoneOffset.ofHours(8);
        ZoneOffset losAngeles = ZoneOffset.ofHours(-8);

        List<DemoShipment> shipments = new ArrayList<>();
        shipments.add(register(client, apiKey, "sf-express", "SF1234567890", "ORD-1001", "Hangzhou", "Shanghai", "CN",
                LocalDate.ofInstant(now.plus(Duration.ofDays(1)), shanghai), "in transit, arriving in Shanghai"));
        shipments.add(register(client, apiKey, "ups", "1Z999AA10123456784", "ORD-1002", "Los Angeles", "Seattle", "US",
                LocalDate.ofInstant(now, losAngeles), "out for delivery"));
        shipments.add(register(client, apiKey, "dhl", "JD014600003828", "ORD-1003", "Shenzhen", "Guangzhou", "CN",
                LocalDate.ofInstant(now.minus(Duration.ofDays(1)), shanghai), "delivered"));

        webhook(client, "sf-express", "SF1234567890", List.of(
                event("INFO_RECEIVED", null, "SC", "Shipment information received", now.minus(Duration.ofHours(30)), shanghai, "Hangzhou", "ZJ", 30.2741, 120.1551),
                event("PICKED_UP", "COLLECTED", "PU", "Picked up by courier", now.minus(Duration.ofHours(26)), shanghai, "Hangzhou", "ZJ", 30.2741, 120.1551),
                event("IN_TRANSIT", "DEPARTED_HUB", "DP", "Departed Hangzhou hub", now.minus(Duration.ofHours(20)), shanghai, "Hangzhou", "ZJ", 30.2936, 120.2134),
                event("IN_TRANSIT", "ARRIVED_SORTING", "AR", "Arrived at Shanghai sorting centre", now.minus(Duration.ofHours(6)), shanghai, "Shanghai", "SH", 31.2304, 121.4737)));
        webhook(client, "ups", "1Z999AA10123456784", List.of(
                event("INFO_RECEIVED", null, "MP", "Shipper created a label", now.minus(Duration.ofHours(50)), losAngeles, "Los Angeles", "CA", 34.0522, -118.2437),
                event("PICKED_UP", "ORIGIN_SCAN", "OR", "Origin scan", now.minus(Duration.ofHours(40)), losAngeles, "Los Angeles", "CA", 34.0522, -118.2437),
                event("IN_TRANSIT", "DEPARTED_FACILITY", "DP", "Departed from facility", now.minus(Duration.ofHours(30)), losAngeles, "Sacramento", "CA", 38.5816, -121.4944),
                event("IN_TRANSIT", "ARRIVED_FACILITY", "AR", "Arrived at facility", now.minus(Duration.ofHours(8)), losAngeles, "Seattle", "WA", 47.6062, -122.3321),
                event("OUT_FOR_DELIVERY", "ON_VEHICLE", "OT", "Out for delivery today", now.minus(Duration.ofHours(2)), losAngeles, "Seattle", "WA", 47.6062, -122.3321)));
        webhook(client, "dhl", "JD014600003828", List.of(
                event("PICKED_UP", null, "PU", "Shipment picked up", now.minus(Duration.ofHours(40)), shanghai, "Shenzhen", "GD", 22.5431, 114.0579),
                event("IN_TRANSIT", "PROCESSED", "PL", "Processed at Shenzhen gateway", now.minus(Duration.ofHours(34)), shanghai, "Shenzhen", "GD", 22.5431, 114.0579),
                event("OUT_FOR_DELIVERY", null, "WC", "With delivery courier", now.minus(Duration.ofHours(24)), shanghai, "Guangzhou", "GD", 23.1291, 113.2644),
                event("DELIVERED", "SIGNED", "OK", "Delivered, signed by <b>front desk</b>", now.minus(Duration.ofHours(22)), shanghai, "Guangzhou", "GD", 23.1291, 113.2644)));
        return new Seeded(apiKey, shipments);
    }

    /** The body of a generic Tracklight webhook with one event, stamped now. */
    public static String webhookBody(String carrier, String trackingNumber, String status, String message) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber,
                "events", List.of(event(status, null, status, message, now, ZoneOffset.UTC, null, null, null, null))));
    }

    private static DemoShipment register(TracklightClient client, String apiKey, String carrier, String trackingNumber,
                                         String orderId, String fromCity, String toCity, String country,
                                         LocalDate promised, String story) throws IOException, InterruptedException {
        String body = Json.write(Map.of("orderId", orderId, "carrier", carrier, "trackingNumber", trackingNumber,
                "origin", Map.of("city", fromCity, "country", country),
                "destination", Map.of("city", toCity, "country", country),
                "promisedDelivery", promised.toString()));
        HttpResponse<String> response = client.registerShipment(apiKey, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("demo registration failed: " + response.statusCode() + " " + response.body());
        }
        Map<?, ?> created = Json.read(response.body(), Map.class);
        String url = (String) created.get("trackingUrl");
        return new DemoShipment(carrier, trackingNumber, url.substring(url.lastIndexOf('/') + 1), url, story);
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
                                             ZoneOffset offset, String city, String region, Double lat, Double lon) {
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
        return event;
    }
}
