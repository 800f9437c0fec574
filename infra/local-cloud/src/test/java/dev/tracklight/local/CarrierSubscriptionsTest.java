package dev.tracklight.local;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.local.sandbox.EasyPostSandbox;
import dev.tracklight.local.sandbox.SeventeenTrackSandbox;
import dev.tracklight.local.sandbox.UpsSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration subscribes at the source through the carrier sandbox (EasyPost's API, its test numbers and its
 * signed pushes, over real HTTP): the pushes move the page with no webhook posted by hand, the source's refusals
 * and faults end in clear states, and one tenant's credentials never serve another's shipments.
 */
@Execution(ExecutionMode.CONCURRENT)
class CarrierSubscriptionsTest {

    private static ApiKeyStore keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    /** A new tenant's admin key, with an EasyPost account holding {@code easyPostKey} when it is not null. */
    private static String tenant(String easyPostKey) throws Exception {
        String admin = keys.issue("tenant-sub-" + UUID.randomUUID(), Role.ADMIN).secret();
        if (easyPostKey != null) {
            var stored = send("PUT", "/v1/carrier-accounts/easypost", admin, "{\"credentials\":{\"apiKey\":\"" + easyPostKey + "\"}}");
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        }
        return admin;
    }

    private static String testKey() {
        return "EZTK" + UUID.randomUUID().toString().replace("-", "");
    }

    static HttpResponse<String> send(String method, String path, String apiKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + path))
                .header("Authorization", "Bearer " + apiKey)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return SharedCloud.client().send(request);
    }

    private static Map<?, ?> register(String apiKey, String number) throws Exception {
        var created = send("POST", "/v1/shipments", apiKey, "{\"carrier\":\"usps\",\"trackingNumber\":\"" + number + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    static Map<?, ?> subscription(String apiKey, Map<?, ?> shipment) throws Exception {
        return (Map<?, ?>) Json.read(send("GET", "/v1/shipments/" + shipment.get("id"), apiKey, null).body(), Map.class).get("subscription");
    }

    static void awaitSubscription(String apiKey, Map<?, ?> shipment, String state) throws Exception {
        WebSocketApiTest.awaitUntil(() -> state.equals(subscription(apiKey, shipment).get("state")), SharedCloud.JOURNEY);
    }

    static String pageStatus(Map<?, ?> shipment) throws Exception {
        return (String) Json.read(SharedCloud.client().track(SharedCloud.tokenOf(shipment)).body(), Map.class).get("status");
    }

    @Test
    void aRegisteredNumberIsSubscribedAtEasyPostAndItsPushesDeliverIt() throws Exception {
        // GIVEN a tenant with an EasyPost account, and another with none that registers the same number first
        String key = testKey();
        String withAccount = tenant(key);
        String without = tenant(null);
        Map<?, ?> others = register(without, "EZ4000000004");

        // WHEN the first tenant registers EasyPost's delivered test number
        Map<?, ?> shipment = register(withAccount, "EZ4000000004");

        // THEN EasyPost follows it, pushes its journey to the tenant's endpoint, and the page reaches DELIVERED
        awaitSubscription(withAccount, shipment, "ACTIVE");
        assertThat((String) subscription(withAccount, shipment).get("externalId")).startsWith("trk_");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
        // AND once delivered there is nothing more to follow
        awaitSubscription(withAccount, shipment, "ENDED");

        // AND the tenant without an account is told so, was never subscribed with the other's key, and got none of its pushes
        awaitSubscription(without, others, "NO_ACCOUNT");
        assertThat(SharedCloud.client().track(SharedCloud.tokenOf(others)).body()).contains("\"carrierNotice\":\"NOT_CONNECTED\"");
        assertThat(SharedCloud.get().sandbox().source("easypost", EasyPostSandbox.class).trackerRequests()).filteredOn(request -> request.startsWith(key))
                .containsExactly(key + " EZ4000000004");
        assertThat(pageStatus(others)).isEqualTo("PENDING");
    }

    @Test
    void aPushSourceThatGoesQuietIsAskedAsASafetyNet() throws Exception {
        // GIVEN a number EasyPost follows but sends no push for
        String admin = tenant(testKey());
        Map<?, ?> shipment = register(admin, "EZ8000000008");
        awaitSubscription(admin, shipment, "ACTIVE");

        // WHEN it stays quiet past the freshness target, THEN its tracker is read and the page moves anyway
        pollUntil(() -> "IN_TRANSIT".equals(pageStatus(shipment)) || "PICKED_UP".equals(pageStatus(shipment)));
    }

    @Test
    void shipmentsRegisteredBeforeTheirAccountAreSubscribedOnceItIsStored() throws Exception {
        // GIVEN a tenant that registers before it has stored any carrier account
        String admin = tenant(null);
        Map<?, ?> shipment = register(admin, "EZ3000000003");
        awaitSubscription(admin, shipment, "NO_ACCOUNT");

        // WHEN it stores its EasyPost account, THEN the waiting shipment is subscribed and moves
        assertThat(send("PUT", "/v1/carrier-accounts/easypost", admin, "{\"credentials\":{\"apiKey\":\"" + testKey() + "\"}}").statusCode())
                .isEqualTo(200);
        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "OUT_FOR_DELIVERY".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
    }

    @Test
    void aRegistrationWhoseSubscriptionRequestWasLostIsSubscribedFromItsOutbox() throws Exception {
        // GIVEN a shipment written as a registration writes it, whose queued request never arrived (a crash between the two)
        String tenantId = "tenant-outbox-" + UUID.randomUUID();
        String admin = keys.issue(tenantId, Role.ADMIN).secret();
        assertThat(send("PUT", "/v1/carrier-accounts/easypost", admin, "{\"credentials\":{\"apiKey\":\"" + testKey() + "\"}}").statusCode())
                .isEqualTo(200);
        String id = "shp_outbox" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new ShipmentStore(SharedCloud.get().dynamoDb(), SharedCloud.table()).create(
                Shipment.registered(tenantId, id, null, "usps", "EZ2000000002", null, null, null, null, null,
                        "tok" + UUID.randomUUID().toString().replace("-", ""), Instant.now().minus(Duration.ofMinutes(5))));
        Map<?, ?> shipment = Map.of("id", id);

        // WHEN the scheduler runs, THEN the outbox item it wrote with the shipment asks for the subscription
        pollUntil(() -> subscription(admin, shipment) != null && "ACTIVE".equals(subscription(admin, shipment).get("state")));
    }

    @Test
    void a17TrackRegistrationIsPushedToTheEndpointTheMerchantSetInItsConsoleSignedWithTheirKey() throws Exception {
        // GIVEN a tenant's 17TRACK account, and its endpoint set as the webhook in 17TRACK's console (by the merchant)
        String key = "17tk-" + UUID.randomUUID();
        String admin = keys.issue("tenant-17-" + UUID.randomUUID(), Role.ADMIN).secret();
        var stored = send("PUT", "/v1/carrier-accounts/17track", admin, "{\"credentials\":{\"apiKey\":\"" + key + "\"}}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String webhookUrl = (String) Json.read(stored.body(), Map.class).get("webhookUrl");
        var console = SharedCloud.client().send(HttpRequest.newBuilder(URI.create(SharedCloud.get().sandbox().baseUrl("17track") + "/console/webhook"))
                .header("17token", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + webhookUrl + "\"}")));
        assertThat(console.statusCode()).isEqualTo(200);

        // WHEN it registers a number 17TRACK follows, and one it cannot
        Map<?, ?> shipment = register(admin, "17TLSANDBOX00001");
        Map<?, ?> unknown = register(admin, "17TLSANDBOX00404");

        // THEN 17TRACK's pushes, checked against the tenant's key, deliver the first; the second is a clear refusal
        awaitSubscription(admin, shipment, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(shipment)), SharedCloud.JOURNEY);
        awaitSubscription(admin, unknown, "REFUSED");
        assertThat((String) subscription(admin, unknown).get("lastError")).contains("-18019902");

        // AND once delivered, 17TRACK is told to stop tracking it (its quota stops counting it), with the tenant's key
        awaitSubscription(admin, shipment, "ENDED");
        assertThat(SharedCloud.get().sandbox().source("17track", SeventeenTrackSandbox.class).stopped(key, "17TLSANDBOX00001")).isTrue();
        assertThat(subscription(admin, shipment).get("lastError")).isNull();
    }

    @Test
    void aNumberEasyPostRefusesIsAClearStateNotASilentPending() throws Exception {
        String admin = tenant(testKey());

        Map<?, ?> shipment = register(admin, "EZ9999999999");

        awaitSubscription(admin, shipment, "REFUSED");
        assertThat((String) subscription(admin, shipment).get("lastError")).contains("422").contains("TRACKER.CREATE.ERROR");
        // and the consumer's page says the carrier does not know the number, without EasyPost's or the shop's words
        String view = SharedCloud.client().track(SharedCloud.tokenOf(shipment)).body();
        assertThat(view).contains("\"carrierNotice\":\"NUMBER_NOT_KNOWN\"").doesNotContain("TRACKER.CREATE.ERROR");
    }

    @Test
    void a429AndA500AreRetriedUntilEasyPostFollowsTheNumber() throws Exception {
        String admin = tenant(testKey());

        Map<?, ?> limited = register(admin, "EZ4290000429");
        Map<?, ?> failing = register(admin, "EZ5000000500");

        awaitSubscription(admin, limited, "ACTIVE");
        awaitSubscription(admin, failing, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(limited)), SharedCloud.JOURNEY);
    }

    @Test
    void credentialsEasyPostRefusesShowOnTheAccountAndTheSubscription() throws Exception {
        String admin = tenant("not-a-test-key-0000");

        Map<?, ?> shipment = register(admin, "EZ2000000002");

        awaitSubscription(admin, shipment, "CREDENTIALS_REFUSED");
        Map<?, ?> accounts = Json.read(send("GET", "/v1/carrier-accounts", admin, null).body(), Map.class);
        assertThat(accounts.toString()).contains("status=CREDENTIALS_REFUSED").contains("APIKEY.INVALID");
    }

    /** A new tenant's admin key with a UPS account for OAuth client {@code clientId}. */
    private static String upsTenant(String clientId) throws Exception {
        return upsTenant(clientId, "sandbox-secret-0123456789");
    }

    private static String upsTenant(String clientId, String secret) throws Exception {
        String admin = keys.issue("tenant-ups-" + UUID.randomUUID(), Role.ADMIN).secret();
        var stored = send("PUT", "/v1/carrier-accounts/ups", admin,
                "{\"credentials\":{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + secret + "\"}}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return admin;
    }

    private static Map<?, ?> registerUps(String apiKey, String number) throws Exception {
        var created = send("POST", "/v1/shipments", apiKey, "{\"carrier\":\"ups\",\"trackingNumber\":\"" + number + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), Map.class);
    }

    /** Runs the scheduler (and the other scheduled functions) until the check holds, as its rate would. */
    static void pollUntil(WebSocketApiTest.Check check) throws Exception {
        WebSocketApiTest.awaitUntil(() -> {
            SharedCloud.get().fireSchedules();
            Thread.sleep(500);
            return check.holds();
        }, SharedCloud.JOURNEY);
    }

    @Test
    void aUpsNumberIsSubscribedAtTrackAlertAndDeliveredByItsPushes() throws Exception {
        String admin = upsTenant("sandbox-" + UUID.randomUUID());

        Map<?, ?> journey = registerUps(admin, "1ZTLSANDBOX0000001");

        // THEN UPS pushes every activity to the tenant's endpoint with its credential, and the subscription ends with the delivery
        awaitSubscription(admin, journey, "ACTIVE");
        WebSocketApiTest.awaitUntil(() -> "DELIVERED".equals(pageStatus(journey)), SharedCloud.JOURNEY);
        awaitSubscription(admin, journey, "ENDED");
        Map<?, ?> view = Json.read(SharedCloud.client().track(SharedCloud.tokenOf(journey)).body(), Map.class);
        assertThat((List<?>) view.get("timeline")).hasSize(5);
    }

    @Test
    void aUpsNumberWhosePushesNeverArriveIsPolledWithTheTenantsOwnClientUntilDelivered() throws Exception {
        // GIVEN two tenants with their own UPS OAuth clients
        String clientA = "sandbox-" + UUID.randomUUID();
        String clientB = "sandbox-" + UUID.randomUUID();
        String a = upsTenant(clientA);
        String b = upsTenant(clientB);

        // WHEN A registers a number Track Alert takes but whose pushes are lost, and B one UPS does not know
        Map<?, ?> lost = registerUps(a, "1ZTLSANDBOX0000008");
        Map<?, ?> unknown = registerUps(b, "1ZTLSANDBOX0000404");

        // THEN the safety net's Track API reads bring A's scans to the page, and polling stops once it is delivered
        awaitSubscription(a, lost, "ACTIVE");
        pollUntil(() -> "DELIVERED".equals(pageStatus(lost)));
        awaitSubscription(a, lost, "ENDED");

        // AND the number UPS does not know stays polled with UPS's words, each asked with its own tenant's client only
        awaitSubscription(b, unknown, "POLLED");
        WebSocketApiTest.awaitUntil(() -> String.valueOf(subscription(b, unknown).get("lastError")).contains("Tracking Information Not Found"),
                SharedCloud.JOURNEY);
        assertThat((String) subscription(b, unknown).get("lastError")).contains("404");
        assertThat(SharedCloud.get().sandbox().source("ups", UpsSandbox.class).trackRequests()).filteredOn(request -> request.startsWith(clientA))
                .isNotEmpty().allMatch(request -> request.endsWith("1ZTLSANDBOX0000008"));
        assertThat(SharedCloud.get().sandbox().source("ups", UpsSandbox.class).trackRequests()).filteredOn(request -> request.startsWith(clientB))
                .isNotEmpty().allMatch(request -> request.endsWith("1ZTLSANDBOX0000404"));
    }

    @Test
    void a429AndA503FromUpsPostponeThePollInsteadOfLosingIt() throws Exception {
        String admin = upsTenant("sandbox-" + UUID.randomUUID());

        Map<?, ?> limited = registerUps(admin, "1ZTLSANDBOX0000429");
        Map<?, ?> unavailable = registerUps(admin, "1ZTLSANDBOX0000503");

        // THEN each is asked again later, not dropped: after UPS's Retry-After, or after a few minutes when it named none
        // (the first poll follows the POLLED state at once, and writes what UPS said)
        WebSocketApiTest.awaitUntil(() -> String.valueOf(subscription(admin, limited).get("lastError")).contains("429"), SharedCloud.JOURNEY);
        WebSocketApiTest.awaitUntil(() -> String.valueOf(subscription(admin, unavailable).get("lastError")).contains("503"), SharedCloud.JOURNEY);
        pollUntil(() -> !"PENDING".equals(pageStatus(limited)));
        assertThat(pageStatus(unavailable)).as("503 named no Retry-After: its next poll is minutes away").isEqualTo("PENDING");

        // AND the merchant need not wait for it: "refresh now" asks at once
        assertThat(send("POST", "/v1/shipments/" + unavailable.get("id") + "/refresh", admin, null).statusCode()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> !"PENDING".equals(pageStatus(unavailable)), SharedCloud.JOURNEY);
    }

    @Test
    void anotherTenantNamingTheSameUpsClientWithoutItsSecretNeverGetsItsToken() throws Exception {
        // GIVEN a tenant whose UPS client has a token, and another that stores the same client id with another secret
        String clientId = "sandbox-" + UUID.randomUUID();
        String owner = upsTenant(clientId);
        awaitSubscription(owner, registerUps(owner, "1ZTLSANDBOX0000001"), "ACTIVE");
        String other = upsTenant(clientId, "a-guessed-secret-0000");

        // THEN the other's poll asks UPS for its own token, which UPS refuses
        awaitSubscription(other, registerUps(other, "1ZTLSANDBOX0000001"), "CREDENTIALS_REFUSED");
    }

    @Test
    void aUpsClientUpsRefusesShowsOnTheAccount() throws Exception {
        String admin = upsTenant("not-a-sandbox-client");

        Map<?, ?> shipment = registerUps(admin, "1ZTLSANDBOX0000001");

        awaitSubscription(admin, shipment, "CREDENTIALS_REFUSED");
        assertThat(send("GET", "/v1/carrier-accounts", admin, null).body()).contains("CREDENTIALS_REFUSED");
    }
}
