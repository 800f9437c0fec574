package dev.tracklight.aws.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema EMF = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(TelemetryTest.class.getResourceAsStream("/emf/emf-schema.json"));

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Telemetry telemetry = new Telemetry("ingest-carrier", new PrintStream(written, true, StandardCharsets.UTF_8),
            StructuredLog.Level.INFO);

    @Test
    void logLinesAreJsonObjectsWithTheInvocationsFieldsAndTheCallersOwn() throws Exception {
        // WHEN two invocations log
        telemetry.around(null, "corr-0001-first", () -> {
            Telemetry.info("webhook accepted", "source", "ups", "events", 3);
            Telemetry.correlate("corr-0002-second");
            Telemetry.warn("changed id");
            return null;
        });
        telemetry.around(null, "corr-0003-third", () -> {
            Telemetry.error("failed", new IllegalStateException("boom"));
            return null;
        });

        // THEN every line is one JSON object carrying the service, the cold start and the correlation id
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(lines.get(0).path("message").asText()).isEqualTo("webhook accepted");
        assertThat(lines.get(0).path("service").asText()).isEqualTo("ingest-carrier");
        assertThat(lines.get(0).path("correlation_id").asText()).isEqualTo("corr-0001-first");
        assertThat(lines.get(0).path("source").asText()).isEqualTo("ups");
        assertThat(lines.get(0).path("events").asInt()).isEqualTo(3);
        assertThat(lines.get(0).path("cold_start").asBoolean()).isTrue();
        assertThat(lines.get(1).path("correlation_id").asText()).isEqualTo("corr-0002-second");
        assertThat(lines.get(2).path("cold_start").asBoolean()).isFalse();
        assertThat(lines.get(2).path("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines.get(2).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void linesBelowTheConfiguredLevelAreNotWritten() {
        Telemetry quiet = new Telemetry("x", new PrintStream(written, true, StandardCharsets.UTF_8), StructuredLog.threshold("warn"));
        quiet.around(null, "corr-0001-first", () -> {
            Telemetry.info("not written");
            Telemetry.warn("written");
            return null;
        });
        assertThat(written.toString(StandardCharsets.UTF_8)).doesNotContain("not written").contains("\"written\"");
        assertThat(StructuredLog.threshold(null)).isEqualTo(StructuredLog.Level.INFO);
        assertThat(StructuredLog.threshold("TRACE")).isEqualTo(StructuredLog.Level.INFO);
    }

    @Test
    void metricsAreOneEmfLinePerDimensionValuesValidAgainstTheSpecificationAndFlushedEvenWhenTheWorkThrows() throws Exception {
        // WHEN an invocation counts under two sources and a reason, observes a value, then throws
        try {
            telemetry.around(null, "corr-0001-first", () -> {
                Telemetry.count("WebhookAccepted", 1, "source", "ups");
                Telemetry.count("WebhookAccepted", 2, "source", "ups");
                Telemetry.count("WebhookAccepted", 1, "source", "dhl");
                Telemetry.count("WebhookRefused", 1, "source", "dhl", "reason", "401");
                Telemetry.observe("EtaErrorAtDelivery", EmfMetrics.Unit.SECONDS, 3600, "source", "ups");
                Telemetry.observe("EtaErrorAtDelivery", EmfMetrics.Unit.SECONDS, 60, "source", "ups");
                throw new IllegalStateException("after counting");
            });
        } catch (IllegalStateException expected) {
            // the metrics still go out
        }

        // THEN three lines, each valid EMF whose every named member is at the root with the right kind of value
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3).allSatisfy(TelemetryTest::assertValidEmf);
        JsonNode ups = lines.get(0);
        assertThat(ups.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText()).isEqualTo("Tracklight");
        assertThat(ups.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString()).isEqualTo("[[\"service\",\"source\"]]");
        assertThat(ups.path("service").asText()).isEqualTo("ingest-carrier");
        assertThat(ups.path("source").asText()).isEqualTo("ups");
        assertThat(ups.path("WebhookAccepted").asDouble()).isEqualTo(3.0);
        assertThat(ups.path("EtaErrorAtDelivery").toString()).isEqualTo("[3600.0,60.0]");
        assertThat(lines.get(1).path("WebhookAccepted").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(2).path("reason").asText()).isEqualTo("401");
        assertThat(lines.get(2).path("WebhookRefused").asDouble()).isEqualTo(1.0);
    }

    @Test
    void invocationsOnTwoThreadsKeepTheirOwnIdsAndMetrics() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (String id : List.of("corr-thread-aaaa", "corr-thread-bbbb")) {
                threads.submit(() -> telemetry.around(null, id, () -> {
                    both.countDown();
                    try {
                        both.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Telemetry.info("working", "mine", id);
                    Telemetry.count("Worked", 1, "by", id);
                    return null;
                }));
            }
        }
        for (JsonNode line : lines()) {
            if (line.has("_aws")) {
                assertThat(line.path("Worked").asDouble()).isEqualTo(1.0);
            } else {
                assertThat(line.path("correlation_id").asText()).isEqualTo(line.path("mine").asText());
            }
        }
        assertThat(lines()).hasSize(4);
    }

    @Test
    void outsideAnInvocationNothingIsWrittenAndThereIsNoId() {
        Telemetry.info("nobody listens");
        Telemetry.count("Nothing", 1);
        assertThat(Telemetry.correlationId()).isNull();
        assertThat(written.size()).isZero();
    }

    @Test
    void anOfferedCorrelationIdIsKeptOnlyWhenItIsShortAndInert() {
        assertThat(Correlation.accept("order-4711-retry", "req-1234567890")).isEqualTo("order-4711-retry");
        assertThat(Correlation.accept("bad\"value\nwith newline", "req-1234567890")).isEqualTo("req-1234567890");
        assertThat(Correlation.accept("x".repeat(65), null)).matches("[0-9a-f-]{36}");
        assertThat(Correlation.accept(null, null)).matches("[0-9a-f-]{36}");
    }

    private static void assertValidEmf(JsonNode line) {
        assertThat(EMF.validate(line)).as(line.toString()).isEmpty();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode set : directive.path("Dimensions")) {
                // a dimension's member: present and a string
                set.forEach(key -> assertThat(line.path(key.asText()).isTextual()).as(key.asText()).isTrue());
            }
            for (JsonNode metric : directive.path("Metrics")) {
                JsonNode value = line.path(metric.path("Name").asText());
                // a metric's member: a number, or an array of at most 100 numbers
                assertThat(value.isNumber() || value.isArray() && value.size() <= 100 && allNumbers(value)).as(metric.toString()).isTrue();
            }
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : written.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
