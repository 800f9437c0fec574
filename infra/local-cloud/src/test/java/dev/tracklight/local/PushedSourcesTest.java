package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.core.json.Json;
import dev.tracklight.local.sandbox.AfterShipSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.tracklight.local.CarrierSubscriptionsTest.awaitSubscription;
import static dev.tracklight.local.CarrierSubscriptionsTest.pageStatus;
import static dev.tracklight.local.CarrierSubscriptionsTest.pollUntil;
import static dev.tracklight.local.CarrierSubscriptionsTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every aggregator Tracklight subscribes numbers at and that then pushes, through its sandbox over real HTTP: a
 * subscribed number is delivered by the source's own signed pushes to the tenant's endpoint with no webhook posted
 * by hand, a number the source follows but stops pushing for is moved by the safety net's read, a 429 is retried
 * until the source follows the number, and refused credentials show on the account. (EasyPost and 17TRACK have
 * their own tests in {@link CarrierSubscriptionsTest}.)
 */
@Execution(ExecutionMode.CONCURRENT)
class PushedSourcesTest {

    private static ApiKeyStore keys;

    /** Makes a tenant with an account at the source, and whatever the merchant does in the source's own dashboard. */
    @FunctionalInterface
    interface Merchant {
        String signUp() throws Exception;
    }

    /** One push source: a merchant set up right, one with credentials the source refuses, and the sandbox numbers. */
    record Pushed(String source, String carrier, Merchant merchant, Merchant refused, String journey, String quiet, String limited) {

        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Pushed> sources() {
        return Stream.of(
                new Pushed("shippo", "usps", () -> tenant("shippo", Map.of("apiKey", "shippo_test_" + UUID.randomUUID().toString().replace("-", ""))),
                        () -> tenant("shippo", Map.of("apiKey", "shippo_live_not-a-test-token")),
                        "9205590100000000000001", "9205590100000000000008", "9205590100000000000429"),
                new Pushed("aftership", "usps", () -> afterShipMerchant("asat_" + UUID.randomUUID().toString().replace("-", "")),
                        () -> tenant("aftership", Map.of("apiKey", "not-an-aftership-key", "webhookSecret", "a-secret-from-another-account")),
                        "9261290000000000000001", "9261290000000000000008", "9261290000000000000429"),
                new Pushed("kuaidi100", "yto", () -> tenant("kuaidi100", Map.of("customer", "sandbox-" + UUID.randomUUID(), "key", "sandbox-" + UUID.randomUUID())),
                        () -> tenant("kuaidi100", Map.of("customer", "sandbox-customer", "key", "a-key-kuaidi100-never-issued")),
                        "YT0000000000001", "YT0000000000008", "YT0000000000500"));
    }

    @BeforeAll
    static void keys() throws Exception {
        keys = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    private static String tenant(String source, Map<String, String> credentials) throws Exception {
        return stored(source, credentials).getKey();
    }

    /** The new tenant's admin key and the stored account as the API answered it. */
    private static Map.Entry<String, Map<?, ?>> stored(String source, Map<String, String> credentials) throws Exception {
        String admin = keys.issue("tenant-" + source + "-" + UUID.randomUUID(), Role.ADMIN).secret();
        var stored = send("PUT", "/v1/carrier-accounts/" + source, admin, Json.write(Map.of("credentials", credentials)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return Map.entry(admin, Json.read(stored.body(), Map.class));
    }

    /**
     * As a merchant does it: the webhook secret from AfterShip's dashboard stored with the key, then the account's
     * {@code webhookUrl} set as the webhook in that dashboard.
     */
    private static String afterShipMerchant(String key) throws Exception {
        String console = SharedCloud.get().sandbox().baseUrl("aftership") + "/console/";
        String secret = (String) Json.read(SharedCloud.client().send(HttpRequest.newBuilder(URI.create(console + "webhook-secret"))
                .header("as-api-key", key).GET()).body(), Map.class).get("secret");
        Map.Entry<String, Map<?, ?>> account = stored("aftership", Map.of("apiKey", key, "webhookSecret", secret));
        var set = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(console + "webhook")).header("as-api-key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("url", account.getValue().get("webhookUrl"))))));
        assertThat(set.statusCode()).isEqualTo(200);
        return account.getKey();
    }

    private static Map<?, ?> register(String admin, String carrier, String number) throws Exception {
        var created = send("POST", "/v1/shipments", admin, Json.write(Map.of("carrier", carrier, "trackingNumber", number)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aSubscribedNumberIsDeliveredByTheSourcesOwnPushes(Pushed pushed) throws Exception {
        String admin = pushed.merchant().signUp();

        Map<?, ?> shipment = register(admin, pushed.carrier(), pushed.journey());

        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
        awaitSubscription(admin, shipment, "ENDED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aNumberTheSourceStopsPushingForIsMovedByTheSafetyNet(Pushed pushed) throws Exception {
        String admin = pushed.merchant().signUp();

        Map<?, ?> shipment = register(admin, pushed.carrier(), pushed.quiet());

        awaitSubscription(admin, shipment, "ACTIVE");
        pollUntil(() -> !"PENDING".equals(pageStatus(shipment)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void a429IsRetriedUntilTheSourceFollowsTheNumber(Pushed pushed) throws Exception {
        String admin = pushed.merchant().signUp();

        Map<?, ?> shipment = register(admin, pushed.carrier(), pushed.limited());

        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void credentialsTheSourceRefusesShowOnTheAccount(Pushed pushed) throws Exception {
        String admin = pushed.refused().signUp();

        Map<?, ?> shipment = register(admin, pushed.carrier(), pushed.journey());

        awaitSubscription(admin, shipment, "CREDENTIALS_REFUSED");
        assertThat(send("GET", "/v1/carrier-accounts", admin, null).body()).contains("CREDENTIALS_REFUSED");
    }

    @Test
    void anAfterShipTrackingIsDeletedOnceItsShipmentIsDelivered() throws Exception {
        String key = "asat_" + UUID.randomUUID().toString().replace("-", "");
        String admin = afterShipMerchant(key);

        Map<?, ?> shipment = register(admin, "usps", "9261290000000000000001");

        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
        awaitSubscription(admin, shipment, "ENDED");
        assertThat(SharedCloud.get().sandbox().source("aftership", AfterShipSandbox.class).deleted(key, "9261290000000000000001")).isTrue();
    }
}
