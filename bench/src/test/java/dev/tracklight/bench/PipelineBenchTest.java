package dev.tracklight.bench;

import dev.tracklight.local.LocalCloud;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void aSmallRunAcceptsEveryWebhookAndDeliversEveryPush() throws Exception {
        BenchOptions options = new BenchOptions(20, 20, 1, 2, template().toString());
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(template()))) {

            PipelineBench.Outcome outcome = PipelineBench.run(cloud, options);

            assertThat(outcome.accepted()).isEqualTo(20);
            assertThat(outcome.refused()).isZero();
            assertThat(outcome.delivered()).isEqualTo(outcome.expected()).isPositive();
        }
    }
}
