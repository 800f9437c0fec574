package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.local.runtime.SampleEvents;
import dev.tracklight.local.runtime.ZipInstance;
import dev.tracklight.local.runtime.ZipPool;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A function run as Lambda runs it: a JVM of its own from its deployment zip, the runtime interface client polling
 * the Runtime API, the template's handler and environment, against the shared local cloud.
 */
class ZipRuntimeTest {

    private static final Path ROOT = SharedCloud.template().getParent();
    private static final Path ZIP = ROOT.resolve("functions/tracking-api/target/tracking-api.zip");
    private static final String HANDLER = "dev.tracklight.api.TrackingApiHandler::handleRequest";
    private static final Path WORK = ROOT.resolve("infra/local-cloud/target/lambda-instances");

    private static String getShipmentWithoutKey() {
        return SampleEvents.forHandler(HANDLER, new String[]{"GET", "/v1/shipments/{id}"});
    }

    @Test
    void theTrackingApiAnswersFromItsZipThroughTheRuntimeClient() throws Exception {
        // GIVEN the tracking API's zip started as Lambda starts it, with the template's environment
        try (ZipInstance instance = ZipInstance.start(ZIP, "TrackingApiFunction", HANDLER,
                SharedCloud.get().environmentOf("TrackingApiFunction"), 1024, WORK)) {
            Duration init = instance.awaitInit(Duration.ofSeconds(60));

            // WHEN a request without an API key reaches it, twice
            ZipInstance.Invoked first = instance.invoke(getShipmentWithoutKey(), Duration.ofSeconds(15));
            ZipInstance.Invoked second = instance.invoke(getShipmentWithoutKey(), Duration.ofSeconds(15));

            // THEN the handler answers a problem, not an error, from the same warm JVM the second time
            assertThat(init).isPositive();
            assertThat(first.error()).as(instance.output()).isFalse();
            Map<?, ?> response = Json.read(first.body(), Map.class);
            assertThat(((Number) response.get("statusCode")).intValue()).isEqualTo(401);
            assertThat(String.valueOf(response.get("body"))).contains("\"status\":401");
            assertThat(second.error()).isFalse();
            assertThat(instance.alive()).isTrue();
            assertThat(instance.residentKb()).isPositive();
        }
    }

    @Test
    void anInvocationPastItsTimeoutKillsTheInstanceAndFails() throws Exception {
        try (ZipInstance instance = ZipInstance.start(ZIP, "TrackingApiFunction", HANDLER,
                SharedCloud.get().environmentOf("TrackingApiFunction"), 1024, WORK)) {
            instance.awaitInit(Duration.ofSeconds(60));

            ZipInstance.Invoked late = instance.invoke(getShipmentWithoutKey(), Duration.ofMillis(1));

            assertThat(late.error()).isTrue();
            assertThat(late.body()).contains("Task timed out");
            Thread.sleep(200);
            assertThat(instance.alive()).isFalse();
        }
    }

    @Test
    void aHandlerThatDoesNotExistFailsItsInvocationsNotHangsThem() throws Exception {
        try (ZipInstance instance = ZipInstance.start(ZIP, "Missing", "dev.tracklight.api.NoSuchHandler::handleRequest",
                SharedCloud.get().environmentOf("TrackingApiFunction"), 256, WORK)) {
            // the runtime client may poll before it loads the handler: the failure then comes with the first event
            try {
                instance.awaitInit(Duration.ofSeconds(60));
            } catch (IllegalStateException initError) {
                assertThat(initError).hasMessageContaining("did not start");
                return;
            }
            ZipInstance.Invoked invoked = instance.invoke(getShipmentWithoutKey(), Duration.ofSeconds(15));

            assertThat(invoked.error()).isTrue();
            assertThat(invoked.body()).as(instance.output()).contains("NoSuchHandler");
        }
    }

    @Test
    void aBurstOfRequestsStartsNoMoreInstancesThanThePoolsLimit() throws Exception {
        // GIVEN a pool of at most two instances, and no instance yet
        APIGatewayV2HTTPEvent request = Json.read(getShipmentWithoutKey(), APIGatewayV2HTTPEvent.class);
        try (ZipPool pool = new ZipPool("TrackingApiFunction", HANDLER, ZIP, SharedCloud.get().environmentOf("TrackingApiFunction"), 1024,
                Duration.ofSeconds(30), 2, WORK); ExecutorService burst = Executors.newFixedThreadPool(6)) {

            // WHEN six requests arrive at once
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(burst.submit(() -> pool.invoke(request)));
            }

            // THEN every one is answered, by at most two cold starts (each waiting request used to start one of its own)
            for (Future<Object> answer : answers) {
                assertThat(((APIGatewayV2HTTPResponse) answer.get(60, TimeUnit.SECONDS)).getStatusCode()).isEqualTo(401);
            }
            assertThat(pool.started()).isBetween(1, 2);
        }
    }
}
