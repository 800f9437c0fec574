package dev.tracklight.local;

import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.operator.LocalCloudState;
import dev.tracklight.operator.Operator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's commands find the cloud they act on, and refuse what would make a useless endpoint. */
class OperatorCommandsTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Operator operator() throws Exception {
        return new Operator(new FunctionEnvironment(SharedCloud.get().operatorEnvironment()), out);
    }

    @Test
    void endpointCreateRefusesAnUnknownSourceAndAShortSecret() throws Exception {
        int unknown = operator().endpoint(new ArrayList<>(List.of("create", "--tenant", "t1", "--source", "pigeon-post")));
        int shortSecret = operator().endpoint(new ArrayList<>(List.of("create", "--tenant", "t1", "--source", "easypost", "--secret", "123")));
        int drawn = operator().endpoint(new ArrayList<>(List.of("create", "--tenant", "t1", "--source", "easypost")));

        assertThat(unknown).isNotZero();
        assertThat(shortSecret).isNotZero();
        assertThat(drawn).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("URL:    " + SharedCloud.get().httpEndpoint() + "/webhooks/carriers/easypost/");
    }

    @Test
    void resealSaysWhatItSealedAgainAndNeedsNoTenant() throws Exception {
        int missingTenant = operator().carrierAccount(new ArrayList<>(List.of("list")));
        operator().carrierAccount(new ArrayList<>(List.of("reseal")));

        assertThat(missingTenant).as("list needs --tenant").isNotZero();
        // other tests seal with keys of their own, so whether every account opened depends on what ran before
        assertThat(bytes.toString(StandardCharsets.UTF_8)).containsPattern("\\d+ carrier accounts sealed again with the current key; ");
    }

    @Test
    void aCloudOnAnyPortIsFoundWithoutNamingItAndNoneIsExplained() throws Exception {
        // GIVEN the state file of the shared cloud, on whatever free port it took
        int port = SharedCloud.get().httpEndpoint().getPort();
        LocalCloudState.write(port, SharedCloud.get().operatorEnvironment());
        Path state = LocalCloudState.file(port);
        try {
            // WHEN an operator command runs without --port, THEN it acts on that cloud
            Operator found = Operator.forCloud(Optional.empty(), out);
            assertThat(found.dlq(new ArrayList<>(List.of("list")))).isZero();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("parked event message(s)");
        } finally {
            Files.delete(state);
        }
        // AND a port with no cloud says what it looked for and how to choose
        assertThatThrownBy(() -> Operator.forCloud(Optional.of(1), out)).hasMessageContaining("local-cloud-1.json")
                .hasMessageContaining("./tracklight up");
    }

    @Test
    void theWebhookCommandFindsTheCloudOnAnyPortToo() throws Exception {
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("sf-express", number));
        int port = SharedCloud.get().httpEndpoint().getPort();
        LocalCloudState.write(port, SharedCloud.get().operatorEnvironment());
        try {
            // WHEN ./tracklight webhook runs without --port against a cloud that is not on 4000
            int exit = Main.webhook(new ArrayList<>(List.of("--secret", SharedCloud.SECRET, number, "OUT_FOR_DELIVERY")));

            // THEN it reached that cloud and the shipment moved
            assertThat(exit).isZero();
            WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(token).body().contains("\"OUT_FOR_DELIVERY\""));
        } finally {
            Files.delete(LocalCloudState.file(port));
        }
        assertThat(Main.webhook(new ArrayList<>(List.of("--port", "1", number, "DELIVERED")))).as("no cloud on port 1").isEqualTo(1);
    }

    @Test
    void anOperatorStoresListsAndRemovesATenantsCarrierAccountAndReadsTheSubscriptionsDlq() throws Exception {
        String tenant = "tenant-op-" + java.util.UUID.randomUUID();
        String key = "EZTKoperator" + java.util.UUID.randomUUID().toString().replace("-", "");

        int refused = operator().carrierAccount(new ArrayList<>(List.of("put", "--tenant", tenant, "--source", "easypost", "--credential", "apikey=x")));
        int stored = operator().carrierAccount(new ArrayList<>(List.of("put", "--tenant", tenant, "--source", "easypost", "--credential", "apiKey=" + key,
                "--carrier", "usps")));
        int listed = operator().carrierAccount(new ArrayList<>(List.of("list", "--tenant", tenant)));
        int removed = operator().carrierAccount(new ArrayList<>(List.of("delete", "--tenant", tenant, "--source", "easypost")));
        int parked = operator().dlq(new ArrayList<>(List.of("--queue", "subscriptions", "list")));
        int unsent = operator().dlq(new ArrayList<>(List.of("--queue", "notifications", "list")));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(List.of(refused, stored, listed, removed, parked, unsent)).containsExactly(2, 0, 0, 0, 0, 0);
        assertThat(printed).contains("credentials.apiKey is required").contains("easypost account of tenant " + tenant + ": credentials [apiKey] sealed")
                .contains("easypost  ACTIVE  credentials [apiKey]").contains("removed").contains("parked subscription message(s)").contains("parked consumer message(s)")
                .doesNotContain(key);
    }
}
