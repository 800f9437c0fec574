package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
class PushedSourcesTest {

    private static ApiKeyStore keys;

    /** One push source: the credentials a tenant stores, and the sandbox numbers that walk, go quiet, or answer 429. */
    record Pushed(String source, Supplier<Map<String, String>> credentials, Map<String, String> refusedCredentials, String journey,
                  String quiet, String limited) {

        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Pushed> sources() {
        return Stream.of(
                new Pushed("shippo", () -> Map.of("apiKey", "shippo_test_" + UUID.randomUUID().toString().replace("-", "")),
                        Map.of("apiKey", "shippo_live_not-a-test-token"), "9205590100000000000001", "9205590100000000000008",
                        "9205590100000000000429"));
    }

    @BeforeAll
    static void keys() throws Exception {
        keys = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    private static String tenant(Pushed pushed, Map<String, String> credentials) throws Exception {
        String admin = keys.issue("tenant-" + pushed.source() + "-" + UUID.randomUUID(), Role.ADMIN).secret();
        var stored = send("PUT", "/v1/carrier-accounts/" + pushed.source(), admin, Json.write(Map.of("credentials", credentials)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return admin;
    }

    private static Map<?, ?> register(String admin, String number) throws Exception {
        var created = send("POST", "/v1/shipments", admin, Json.write(Map.of("carrier", "usps", "trackingNumber", number)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aSubscribedNumberIsDeliveredByTheSourcesOwnPushes(Pushed pushed) throws Exception {
        String admin = tenant(pushed, pushed.credentials().get());

        Map<?, ?> shipment = register(admin, pushed.journey());

        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), Duration.ofSeconds(60));
        awaitSubscription(admin, shipment, "ENDED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aNumberTheSourceStopsPushingForIsMovedByTheSafetyNet(Pushed pushed) throws Exception {
        String admin = tenant(pushed, pushed.credentials().get());

        Map<?, ?> shipment = register(admin, pushed.quiet());

        awaitSubscription(admin, shipment, "ACTIVE");
        pollUntil(() -> !"PENDING".equals(pageStatus(shipment)) && !"INFO_RECEIVED".equals(pageStatus(shipment)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void a429IsRetriedUntilTheSourceFollowsTheNumber(Pushed pushed) throws Exception {
        String admin = tenant(pushed, pushed.credentials().get());

        Map<?, ?> shipment = register(admin, pushed.limited());

        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), Duration.ofSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void credentialsTheSourceRefusesShowOnTheAccount(Pushed pushed) throws Exception {
        String admin = tenant(pushed, pushed.refusedCredentials());

        Map<?, ?> shipment = register(admin, pushed.journey());

        awaitSubscription(admin, shipment, "CREDENTIALS_REFUSED");
        assertThat(send("GET", "/v1/carrier-accounts", admin, null).body()).contains("CREDENTIALS_REFUSED");
    }
}
