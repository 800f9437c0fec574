package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.tracklight.local.CarrierSubscriptionsTest.awaitSubscription;
import static dev.tracklight.local.CarrierSubscriptionsTest.pageStatus;
import static dev.tracklight.local.CarrierSubscriptionsTest.pollUntil;
import static dev.tracklight.local.CarrierSubscriptionsTest.send;
import static dev.tracklight.local.CarrierSubscriptionsTest.subscription;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every carrier whose own tracking API Tracklight polls, through its sandbox over real HTTP: a number walks to
 * delivered by polling alone and is then no longer asked, a number the carrier does not know stays polled with the
 * carrier's words, a 429 postpones the poll instead of losing it, and refused credentials show on the account.
 * The numbers are the sandbox's (events/carriers/&lt;source&gt;/README.md, "The sandbox").
 */
@Execution(ExecutionMode.CONCURRENT)
class PolledCarriersTest {

    private static ApiKeyStore keys;

    /** One polled source: the account a tenant stores, and the sandbox numbers that walk, are unknown, or answer 429. */
    record Polled(String source, String carrier, Map<String, String> credentials, Map<String, String> refusedCredentials, String journey,
                  int scans, String unknown, String unknownWords, String limited) {

        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Polled> sources() {
        return Stream.of(
                new Polled("dhl", "dhl", Map.of("apiKey", "sandbox-" + UUID.randomUUID()), Map.of("apiKey", "a-production-key-0000"),
                        "00340434161094000001", 4, "00340434161094000404", "No shipment with given tracking number found",
                        "00340434161094000429"),
                new Polled("fedex", "fedex", Map.of("clientId", "sandbox-" + UUID.randomUUID(), "clientSecret", "sandbox-secret-0123456789"),
                        Map.of("clientId", "a-production-key", "clientSecret", "sandbox-secret-0123456789"), "770000000001", 5, "770000000404",
                        "TRACKING.TRACKINGNUMBER.NOTFOUND", "770000000429"),
                new Polled("usps", "usps", Map.of("clientId", "sandbox-" + UUID.randomUUID(), "clientSecret", "sandbox-secret-0123456789"),
                        Map.of("clientId", "a-production-app", "clientSecret", "sandbox-secret-0123456789"), "9400100000000000000001", 5,
                        "9400100000000000000400", "A status update is not yet available", "9400100000000000000429"));
    }

    @BeforeAll
    static void keys() throws Exception {
        keys = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    private static String tenant(Polled polled, Map<String, String> credentials) throws Exception {
        String admin = keys.issue("tenant-" + polled.source() + "-" + UUID.randomUUID(), Role.ADMIN).secret();
        var stored = send("PUT", "/v1/carrier-accounts/" + polled.source(), admin, Json.write(Map.of("credentials", credentials)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return admin;
    }

    private static Map<?, ?> register(String admin, Polled polled, String number) throws Exception {
        var created = send("POST", "/v1/shipments", admin, Json.write(Map.of("carrier", polled.carrier(), "trackingNumber", number)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aNumberIsPolledUntilDeliveredAndThenNoLongerAsked(Polled polled) throws Exception {
        // GIVEN a tenant with its own account at the carrier
        String admin = tenant(polled, polled.credentials());

        // WHEN it registers a number the carrier pushes nothing for
        Map<?, ?> shipment = register(admin, polled, polled.journey());

        // THEN polling alone brings every scan to the page, and the subscription ends with the delivery
        awaitSubscription(admin, shipment, "POLLED");
        pollUntil(() -> "DELIVERED".equals(pageStatus(shipment)));
        awaitSubscription(admin, shipment, "ENDED");
        Map<?, ?> view = Json.read(SharedCloud.client().track(SharedCloud.tokenOf(shipment)).body(), Map.class);
        assertThat((List<?>) view.get("timeline")).hasSize(polled.scans());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void aNumberTheCarrierDoesNotKnowStaysPolledWithTheCarriersWords(Polled polled) throws Exception {
        String admin = tenant(polled, polled.credentials());

        Map<?, ?> shipment = register(admin, polled, polled.unknown());

        awaitSubscription(admin, shipment, "POLLED");
        WebSocketApiTest.awaitUntil(() -> String.valueOf(subscription(admin, shipment).get("lastError")).contains(polled.unknownWords()),
                SharedCloud.JOURNEY);
        assertThat(pageStatus(shipment)).isEqualTo("PENDING");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void a429PostponesThePollInsteadOfLosingIt(Polled polled) throws Exception {
        String admin = tenant(polled, polled.credentials());

        Map<?, ?> shipment = register(admin, polled, polled.limited());

        awaitSubscription(admin, shipment, "POLLED");
        WebSocketApiTest.awaitUntil(() -> String.valueOf(subscription(admin, shipment).get("lastError")).contains("429"), SharedCloud.JOURNEY);
        pollUntil(() -> !"PENDING".equals(pageStatus(shipment)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void credentialsTheCarrierRefusesShowOnTheAccount(Polled polled) throws Exception {
        String admin = tenant(polled, polled.refusedCredentials());

        Map<?, ?> shipment = register(admin, polled, polled.journey());

        awaitSubscription(admin, shipment, "CREDENTIALS_REFUSED");
        assertThat(send("GET", "/v1/carrier-accounts", admin, null).body()).contains("CREDENTIALS_REFUSED");
    }
}
