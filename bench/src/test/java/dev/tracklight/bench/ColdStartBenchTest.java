package dev.tracklight.bench;

import dev.tracklight.local.LocalCloud;
import dev.tracklight.local.runtime.SampleEvents;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./tracklight bench cold-start} measures a function started from its zip through the runtime client. */
class ColdStartBenchTest {

    private static Path template() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("template.yaml not found above " + System.getProperty("user.dir"));
    }

    @Test
    void aFunctionsColdStartIsMeasuredFromItsZipAndItsEventIsAnswered() throws Exception {
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(template()))) {

            List<ColdStartBench.Measured> measured = ColdStartBench.run(cloud, template(), "TrackingApiFunction");

            assertThat(measured).hasSize(1);
            ColdStartBench.Measured api = measured.getFirst();
            assertThat(api.error()).isFalse();
            assertThat(api.init()).isPositive();
            assertThat(api.firstInvoke()).isPositive();
            assertThat(api.zipBytes()).isPositive();
            // AND a second JVM ran the SnapStart priming hooks before answering the same event
            assertThat(api.primerRan()).isTrue();
            assertThat(api.primedError()).isFalse();
            assertThat(api.primedFirstInvoke()).isPositive();
            assertThat(ColdStartBench.primingLine(measured)).matches("priming: first invocations \\d+ ms without, \\d+ ms after the SnapStart hooks \\(\\d+\\.\\d\\d×\\)");
            assertThat(ColdStartBench.lastLine(measured)).matches("cold start: 1 functions, slowest TrackingApiFunction \\d+ ms, largest zip \\d+\\.\\d MB");
        }
    }

    @Test
    void everyHandlerGetsAnEventOfItsOwnKind() throws Exception {
        String[] route = {"POST", "/webhooks/channels/{channel}/{endpoint}"};
        assertThat(SampleEvents.forHandler("dev.tracklight.ingest.channel.ChannelWebhookHandler::handleRequest", route))
                .contains("\"rawPath\":\"/webhooks/channels/sample/sample\"").contains("\"channel\":\"sample\"");
        assertThat(SampleEvents.forHandler("dev.tracklight.process.ProcessEventsHandler::handleRequest", route)).isEqualTo("{\"Records\":[]}");
        assertThat(SampleEvents.forHandler("dev.tracklight.websocket.MessageHandler::handleRequest", route)).contains("\"connectionId\"");
        assertThat(SampleEvents.forHandler("dev.tracklight.watchdog.SlaWatchdogHandler::handleRequest", route)).contains("Scheduled Event");
    }
}
