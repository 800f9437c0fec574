package dev.tracklight.bench;

import dev.tracklight.local.LocalCloud;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./tracklight bench} runs: a tiny load through a real local cloud, every webhook accepted and pushed. */
class PipelineBenchTest {

    private static Path template() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found above " + System.getProperty("user.dir"));
    }

    @Test
    void aSmallRunProcessesAndPushesEveryWebhookAndCountsWhatEachEventCost() throws Exception {
        // GIVEN two phases of 20 webhooks, on shipments with 2 and with 30 events before, after 10 to warm up
        BenchOptions options = new BenchOptions(20, 20, 1, 2, List.of(2, 30), 10, template().toString());
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(template()).runningZips())) {

            // WHEN the bench runs them
            PipelineBench.Outcome outcome = PipelineBench.run(cloud, options);

            // THEN every webhook was accepted, processed and pushed
            assertThat(outcome.accepted()).isEqualTo(40);
            assertThat(outcome.refused()).isZero();
            assertThat(outcome.delivered()).isEqualTo(outcome.expected()).isPositive();
            // AND the costs are what the functions counted: every event written at least once, its shipment read and announced
            assertThat(outcome.phases()).hasSize(2).allSatisfy(phase -> {
                assertThat(phase.processed()).isEqualTo(20);
                assertThat(phase.itemsWritten()).isGreaterThanOrEqualTo(1.0);
                assertThat(phase.writeUnits()).isGreaterThanOrEqualTo(phase.itemsWritten());
                assertThat(phase.readRequests()).isPositive();
                assertThat(phase.readUnits()).isPositive();
                assertThat(phase.sqsRequests()).as("the ingest's SendMessage").isGreaterThanOrEqualTo(1.0);
                assertThat(phase.putEventsEntries()).isPositive();
                assertThat(phase.connectionPosts()).isPositive();
            });
        }
    }
}
