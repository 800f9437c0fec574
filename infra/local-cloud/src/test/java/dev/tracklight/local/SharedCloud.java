package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.aftership.AfterShipAdapter;
import dev.tracklight.core.carriers.dhl.DhlAdapter;
import dev.tracklight.core.carriers.easypost.EasyPostAdapter;
import dev.tracklight.core.carriers.fedex.FedExAdapter;
import dev.tracklight.core.carriers.kuaidi100.Kuaidi100Adapter;
import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackAdapter;
import dev.tracklight.core.carriers.sfexpress.SfExpressAdapter;
import dev.tracklight.core.carriers.shippo.ShippoAdapter;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.carriers.ups.UpsAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.demo.TracklightClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * One local cloud for the whole test JVM (starting one takes seconds), stopped when the JVM ends.
 * Each test registers shipments with its own tracking numbers, so tests do not see each other's data.
 */
final class SharedCloud {

    static final String SECRET = "test-webhook-secret";
    /**
     * How long a journey through several functions may take before a test gives up: each function runs from its
     * zip in a JVM of its own, and concurrent test classes share two cores (a journey takes 1–10 s; only a failure waits this long).
     */
    static final java.time.Duration JOURNEY = java.time.Duration.ofSeconds(120);
    /** The salt Kuaidi100's published sample in events/carriers/kuaidi100 was signed with. */
    static final String KUAIDI100_SALT = "123";
    private static LocalCloud cloud;
    private static String apiKey;

    private SharedCloud() {
    }

    static Path template() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found above " + here);
    }

    static synchronized LocalCloud get() throws IOException {
        if (cloud == null) {
            cloud = LocalCloud.start(LocalCloud.Options.defaults(template()).runningZips());
            Runtime.getRuntime().addShutdownHook(new Thread(cloud::close));
            WebhookEndpointStore endpoints = new WebhookEndpointStore(cloud.dynamoDb(), table());
            endpoints.putPlatform(TracklightAdapter.SOURCE, SECRET);
            endpoints.putPlatform(EasyPostAdapter.SOURCE, SECRET);
            legacyPlatformSecret(Kuaidi100Adapter.SOURCE, KUAIDI100_SALT);
            endpoints.putPlatform(AfterShipAdapter.SOURCE, SECRET);
            endpoints.putPlatform(UpsAdapter.SOURCE, SECRET);
            endpoints.putPlatform(SeventeenTrackAdapter.SOURCE, SECRET);
            endpoints.putPlatform(SfExpressAdapter.SOURCE, SECRET);
            endpoints.putPlatform(ShippoAdapter.SOURCE, SECRET);
            endpoints.putPlatform(FedExAdapter.SOURCE, SECRET);
            endpoints.putPlatform(DhlAdapter.SOURCE, SECRET);
            apiKey = new ApiKeyStore(cloud.dynamoDb(), table()).issue("tenant-test");
        }
        return cloud;
    }

    /**
     * A platform secret written as an older version could, below what {@code putPlatform} now accepts: the
     * published Kuaidi100 sample was signed with a three-character salt, and old endpoints may hold such values.
     */
    static void legacyPlatformSecret(String source, String secret) {
        cloud.dynamoDb().putItem(request -> request.tableName(table()).item(Map.of(
                "pk", AttributeValue.fromS(dev.tracklight.aws.store.Keys.webhookSource(source)), "sk", AttributeValue.fromS("secret"), "secret", AttributeValue.fromS(secret))));
    }

    static String table() {
        return cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
    }

    static String apiKey() throws IOException {
        get();
        return apiKey;
    }

    static TracklightClient client() throws IOException {
        return new TracklightClient(get().httpEndpoint());
    }

    /** A tracking number no other test uses. */
    static String uniqueTrackingNumber() {
        return "TL" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** Registers a shipment through the merchant API and returns the created resource. */
    static Map<?, ?> register(String carrier, String trackingNumber) throws IOException, InterruptedException {
        return register(apiKey(), carrier, trackingNumber);
    }

    /** The same for the tenant that holds {@code apiKey}. */
    static Map<?, ?> register(String apiKey, String carrier, String trackingNumber) throws IOException, InterruptedException {
        HttpResponse<String> response = client().registerShipment(apiKey, Json.write(Map.of(
                "carrier", carrier, "trackingNumber", trackingNumber, "orderId", "order-" + trackingNumber,
                "destination", Map.of("city", "Shanghai", "country", "CN", "postalCode", "200000"))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Json.read(response.body(), Map.class);
    }

    static String tokenOf(Map<?, ?> shipment) {
        String url = (String) shipment.get("trackingUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static String webhook(String carrier, String trackingNumber, String status, String code, String occurredAt, String message) {
        return Json.write(Map.of("carrier", carrier, "trackingNumber", trackingNumber, "events", java.util.List.of(Map.of(
                "status", status, "code", code, "message", message, "occurredAt", occurredAt))));
    }
}
