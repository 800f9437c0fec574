package dev.tracklight.local;

import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.RawWebhookStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.ReceivedWebhook;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.ingest.carrier.CarrierIngest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each tenant's own webhook URL and secret, the raw bodies kept for audit, and their replay. */
class TenantEndpointsTest {

    private static WebhookEndpointStore endpoints;
    private static RawWebhookStore raw;
    private static String tenantB;

    @BeforeAll
    static void twoTenants() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        endpoints = new WebhookEndpointStore(cloud.dynamoDb(), SharedCloud.table());
        raw = new RawWebhookStore(cloud.dynamoDb(), SharedCloud.table(), Duration.ofDays(30));
        tenantB = new ApiKeyStore(cloud.dynamoDb(), SharedCloud.table()).issue("tenant-b");
    }

    private static List<?> timeline(String token) throws Exception {
        return (List<?>) Json.read(SharedCloud.client().track(token).body(), Map.class).get("timeline");
    }

    @Test
    void aTenantsEndpointMovesOnlyThatTenantsShipmentWithTheNumber() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        String tokenA = SharedCloud.tokenOf(SharedCloud.register("sf-express", number));
        String tokenB = SharedCloud.tokenOf(SharedCloud.register(tenantB, "sf-express", number));
        WebhookEndpoint endpointB = endpoints.create("tenant-b", TracklightAdapter.SOURCE, null);
        String body = SharedCloud.webhook("sf-express", number, "IN_TRANSIT", "30", "2026-11-20T10:00:00+08:00", "Departed Shenzhen hub");

        var forged = SharedCloud.client().postSignedWebhook(endpointB.path(), SharedCloud.SECRET, body);
        var accepted = SharedCloud.client().postSignedWebhook(endpointB.path(), endpointB.secret(), body);

        assertThat(forged.statusCode()).as("the platform secret does not open a tenant's endpoint").isEqualTo(401);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> timeline(tokenB).size() == 1);
        // the platform-wide endpoint still reaches every tenant: after its event, A has exactly that one
        String later = SharedCloud.webhook("sf-express", number, "OUT_FOR_DELIVERY", "44", "2026-11-21T08:00:00+08:00", "Out for delivery");
        assertThat(SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, later).statusCode()).isEqualTo(202);
        WebSocketApiTest.awaitUntil(() -> timeline(tokenB).size() == 2);
        WebSocketApiTest.awaitUntil(() -> timeline(tokenA).size() == 1);
        assertThat(Json.read(SharedCloud.client().track(tokenA).body(), Map.class).get("status")).isEqualTo("OUT_FOR_DELIVERY");
    }

    @Test
    void anEventThroughATenantsEndpointWaitsForThatTenantsRegistrationOnly() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        WebhookEndpoint endpointB = endpoints.create("tenant-b", TracklightAdapter.SOURCE, null);
        String body = SharedCloud.webhook("sf-express", number, "PICKED_UP", "50", "2026-11-20T09:00:00+08:00", "Picked up");
        assertThat(SharedCloud.client().postSignedWebhook(endpointB.path(), endpointB.secret(), body).statusCode()).isEqualTo(202);
        Thread.sleep(1_500); // let the processor park it as unmatched

        String tokenA = SharedCloud.tokenOf(SharedCloud.register("sf-express", number));
        String tokenB = SharedCloud.tokenOf(SharedCloud.register(tenantB, "sf-express", number));

        WebSocketApiTest.awaitUntil(() -> timeline(tokenB).size() == 1);
        assertThat(timeline(tokenA)).as("tenant A never sees tenant B's carrier data").isEmpty();
    }

    @Test
    void unknownEndpointsAndEndpointsOfAnotherSourceAreNotFound() throws Exception {
        WebhookEndpoint easyPost = endpoints.create("tenant-b", "easypost", "whsec-tenant-b-easypost");
        String body = SharedCloud.webhook("sf-express", "SF1", "IN_TRANSIT", "30", "2026-11-20T10:00:00+08:00", "x");

        var unknown = SharedCloud.client().postSignedWebhook("/webhooks/carriers/tracklight/wh_000000000000000000000000", SharedCloud.SECRET, body);
        var otherSource = SharedCloud.client().postSignedWebhook("/webhooks/carriers/tracklight/" + easyPost.endpointId(), "whsec-tenant-b-easypost", body);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(otherSource.statusCode()).isEqualTo(404);
    }

    @Test
    void everyAuthenticatedBodyIsKeptWithoutCredentialsAndReplaysWithoutDoubling() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("sf-express", number));
        WebhookEndpoint endpoint = endpoints.create("tenant-test", TracklightAdapter.SOURCE, null);
        String body = SharedCloud.webhook("sf-express", number, "IN_TRANSIT", "30", "2026-11-20T10:00:00+08:00", "Departed");
        String refused = body.replace("IN_TRANSIT", "TELEPORTED");
        Instant before = Instant.now();

        assertThat(SharedCloud.client().postSignedWebhook(endpoint.path(), endpoint.secret(), body).statusCode()).isEqualTo(202);
        assertThat(SharedCloud.client().postSignedWebhook(endpoint.path(), endpoint.secret(), refused).statusCode()).isEqualTo(400);
        WebSocketApiTest.awaitUntil(() -> timeline(token).size() == 1);

        List<ReceivedWebhook> kept = raw.receivedIn(before).stream().filter(w -> endpoint.endpointId().equals(w.endpointId())).toList();
        assertThat(kept).extracting(ReceivedWebhook::outcome).containsExactlyInAnyOrder("queued 1 events",
                kept.stream().map(ReceivedWebhook::outcome).filter(o -> o.startsWith("refused: ")).findFirst().orElse("no refusal kept"));
        ReceivedWebhook queued = kept.stream().filter(w -> w.outcome().startsWith("queued")).findFirst().orElseThrow();
        assertThat(queued.request().body()).isEqualTo(body);
        assertThat(queued.tenantId()).isEqualTo("tenant-test");
        assertThat(queued.request().headers()).containsKey(TracklightAdapter.SIGNATURE_HEADER.toLowerCase());

        CarrierIngest ingest = CarrierIngest.wire(new FunctionEnvironment(SharedCloud.get().environmentOf("IngestCarrierFunction")));
        assertThat(ingest.replay(queued.receiptId())).isEqualTo(1);
        Thread.sleep(1_500);
        assertThat(timeline(token)).as("a replay adds nothing already there").hasSize(1);
        ReceivedWebhook refusal = kept.stream().filter(w -> w.outcome().startsWith("refused")).findFirst().orElseThrow();
        assertThatThrownBy(() -> ingest.replay(refusal.receiptId()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        assertThatThrownBy(() -> ingest.replay("rcp_1_00")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(404));
    }
}
