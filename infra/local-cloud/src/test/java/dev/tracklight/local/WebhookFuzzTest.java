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
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.local.demo.TracklightClient;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample payload in events/, mutated ({@link JsonMutations}), signed as its source signs, posted through the
 * local gateway to a cloud of its own: no body may be answered 5xx or drop the connection, and no accepted body
 * may fail in the processor or end in the DLQ. {@code -Dfuzz.mutants=N} sets the mutants per sample (default 12, after the systematic ones);
 * the counts are printed and kept in target/fuzz-report.txt.
 */
class WebhookFuzzTest {

    private static final String SECRET = "fuzz-webhook-secret-0123";
    private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 12);
    private static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Path EVENTS = SharedCloud.template().resolveSibling("events");

    private static LocalCloud cloud;
    private static WebhookEndpoint shopify;
    private static WebhookEndpoint woo;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What one source receives: the body as sent, with its signature in a header or the URL. */
    private record Delivery(String path, String contentType, Map<String, String> headers, String body) {
    }

    private record Sample(String name, String body) {
    }

    private record Target(String name, List<Sample> samples, Function<String, Delivery> signer) {
    }

    @BeforeAll
    static void cloudOfItsOwn() throws Exception {
        cloud = LocalCloud.start(LocalCloud.Options.defaults(SharedCloud.template()));
        String table = cloud.environmentOf("TrackingApiFunction").get("TABLE_NAME");
        WebhookEndpointStore endpoints = new WebhookEndpointStore(cloud.dynamoDb(), table);
        for (String source : List.of(TracklightAdapter.SOURCE, EasyPostAdapter.SOURCE, Kuaidi100Adapter.SOURCE, AfterShipAdapter.SOURCE,
                UpsAdapter.SOURCE, SeventeenTrackAdapter.SOURCE, SfExpressAdapter.SOURCE, ShippoAdapter.SOURCE,
                FedExAdapter.SOURCE, DhlAdapter.SOURCE)) {
            endpoints.putPlatform(source, SECRET);
        }
        String tenant = "tenant-fuzz";
        shopify = endpoints.create(tenant, "shopify", null);
        woo = endpoints.create(tenant, "woocommerce", null);
        // the samples' own numbers are registered, so their mutants reach the fold, the view and the push
        String apiKey = new ApiKeyStore(cloud.dynamoDb(), table).issue(tenant);
        TracklightClient client = new TracklightClient(cloud.httpEndpoint());
        for (String[] shipment : new String[][]{{"sf-express", "SF1234567890"}, {"fedex", "1"}, {"usps", "9405500207552011812894"},
                {"ups", "EZ4000000004"}, {"fedex", "111111111111"}, {"ups", "1Z2617V10397725789"}, {"usps", "9205590164917337534322"},
                {"sf-express", "SF7444400031887"}, {"fedex", "776094337676"}, {"fedex", "738488882438"}, {"dhl", "00340434292135100124"},
                {"ups", "1Z204W4R0308071865"}, {"ups", "1ZABCXYZ0112346789"}, {"jd", "JD0076810060555"}, {"yto", "YT1234567890"}}) {
            client.registerShipment(apiKey, Json.write(Map.of("carrier", shipment[0], "trackingNumber", shipment[1])));
        }
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    private static List<Target> targets() throws IOException {
        long now = Instant.now().getEpochSecond();
        return List.of(
                target("tracklight", "carriers/tracklight", body -> carrier("tracklight", body, Map.of(
                        TracklightAdapter.TIMESTAMP_HEADER, Long.toString(now),
                        TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature(SECRET, now, body)))),
                target("easypost", "carriers/easypost", body -> carrier("easypost", body,
                        Map.of(EasyPostAdapter.SIGNATURE_HEADER, EasyPostAdapter.signature(SECRET, body)))),
                target("aftership", "carriers/aftership", WebhookFuzzTest::afterShipEnvelopes, body -> carrier("aftership", body,
                        Map.of(AfterShipAdapter.SIGNATURE_HEADER, AfterShipAdapter.signature(SECRET, body)))),
                target("17track", "carriers/17track", body -> carrier("17track", body,
                        Map.of(SeventeenTrackAdapter.SIGNATURE_HEADER, SeventeenTrackAdapter.signature(SECRET, body)))),
                target("shippo", "carriers/shippo", track -> List.of("{\"event\":\"track_updated\",\"test\":false,\"data\":" + track + "}"), body -> new Delivery("/webhooks/carriers/shippo?token=" + SECRET, "application/json",
                        Map.of(), body)),
                target("sf-express", "carriers/sf-express", body -> new Delivery("/webhooks/carriers/sf-express?token=" + SECRET,
                        body.stripLeading().startsWith("<") ? "application/xml" : "application/json", Map.of(), body)),
                target("fedex", "carriers/fedex", body -> carrier("fedex", body, Map.of(FedExAdapter.SIGNATURE_HEADER,
                        FedExAdapter.signature(SECRET, body)))),
                target("dhl", "carriers/dhl", body -> carrier("dhl", body, Map.of(DhlAdapter.TOKEN_HEADER, SECRET))),
                target("ups", "carriers/ups", body -> carrier("ups", body, Map.of(UpsAdapter.CREDENTIAL_HEADER, SECRET))),
                target("kuaidi100", "carriers/kuaidi100", param -> new Delivery("/webhooks/carriers/kuaidi100",
                        "application/x-www-form-urlencoded", Map.of(), "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8)
                        + "&sign=" + Kuaidi100Adapter.sign(param, SECRET))),
                target("shopify", "channels/shopify", body -> new Delivery(shopify.path(), "application/json", Map.of(
                        "X-Shopify-Topic", "fulfillments/update", "X-Shopify-Webhook-Id", Integer.toHexString(body.hashCode()),
                        "X-Shopify-Hmac-Sha256", HmacSha256.signBase64(shopify.secret(), body)), body)),
                target("woocommerce", "channels/woocommerce", body -> new Delivery(woo.path(), "application/json", Map.of(
                        "X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", Integer.toHexString(body.hashCode()),
                        "X-WC-Webhook-Signature", HmacSha256.signBase64(woo.secret(), body)), body)));
    }

    private static Delivery carrier(String source, String body, Map<String, String> headers) {
        return new Delivery("/webhooks/carriers/" + source, "application/json", headers, body);
    }

    private static Target target(String name, String folder, Function<String, Delivery> signer) throws IOException {
        return target(name, folder, text -> List.of(text), signer);
    }

    /**
     * The folder's samples, JSON and XML (Kuaidi100's as the {@code param} they carry), each as the bodies the
     * source sends: AfterShip's and Shippo's are API objects, put in their documented webhook envelopes.
     */
    private static Target target(String name, String folder, Function<String, List<String>> bodies, Function<String, Delivery> signer)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(EVENTS.resolve(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".xml")).sorted().toList()) {
                bodies.apply(Files.readString(file)).forEach(body -> samples.add(new Sample(file.getFileName().toString(), body)));
            }
        }
        return new Target(name, samples, signer);
    }

    private static List<String> afterShipEnvelopes(String fixture) {
        JsonObject data = jakarta.json.Json.createReader(new StringReader(fixture)).readObject().getJsonObject("data");
        List<JsonObject> trackings = data.containsKey("tracking") ? List.of(data.getJsonObject("tracking"))
                : data.getJsonArray("trackings").getValuesAs(JsonObject.class);
        return trackings.stream().map(tracking -> "{\"event\":\"tracking_update\",\"event_id\":\"fuzz\",\"ts\":"
                + Instant.now().getEpochSecond() + ",\"msg\":" + tracking + "}").toList();
    }

    @Test
    void noMutatedSampleIsAnswered5xxAndNothingAcceptedIsLostOrStuck() throws Exception {
        JsonMutations mutations = new JsonMutations(20261202L);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Target target : targets()) {
            for (Sample sample : target.samples()) {
                List<String> bodies = new ArrayList<>(List.of(sample.body()));
                bodies.addAll(sample.name().endsWith(".xml") ? mutations.ofText(sample.body(), MUTANTS) : mutations.of(sample.body(), MUTANTS));
                for (String body : bodies) {
                    tried++;
                    int status = post(target.signer().apply(body));
                    byStatus.merge(status, 1, Integer::sum);
                    if (status >= 500 || status < 0) {
                        failures.add(target.name() + " " + sample.name() + " → " + status + ": " + abbreviated(body));
                    }
                }
            }
        }

        long stuck = drainedOrStuck();
        long accepted = byStatus.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
        String report = "fuzz: " + tried + " bodies, " + accepted + " accepted (2xx), by status " + byStatus + ", 5xx or no answer "
                + failures.size() + ", failed invocations " + cloud.failedInvocations() + ", stuck or dead-lettered " + stuck;
        System.out.println(report);
        Files.writeString(Path.of("target", "fuzz-report.txt"), report + "\n" + String.join("\n", failures) + "\n");
        assertThat(failures).as(report).isEmpty();
        assertThat(cloud.failedInvocations()).as(report).isZero();
        assertThat(stuck).as(report).isZero();
        assertThat(accepted).as("the unmutated samples and some mutants are accepted: %s", report).isGreaterThan(tried / 10);
    }

    /** The HTTP status, or -1 when the connection failed. */
    private static int post(Delivery delivery) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.httpEndpoint() + delivery.path()))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", delivery.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        delivery.headers().forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until the events queue is empty; then the messages left in it or parked in its DLQ. */
    private static long drainedOrStuck() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        long inQueue;
        do {
            Thread.sleep(500);
            inQueue = messages("EventsQueue");
        } while (inQueue > 0 && System.nanoTime() < deadline);
        return inQueue + messages("EventsDeadLetterQueue");
    }

    private static long messages(String queue) {
        Map<QueueAttributeName, String> attributes = cloud.sqs().getQueueAttributes(request -> request.queueUrl(cloud.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " chars)";
    }
}
