package dev.tracklight.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.tracklight.local.template.CloudFormationYaml;
import dev.tracklight.local.template.CloudTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a deployment safe, read from template.yaml: every function alarmed and its canary guarded by its
 * own alarms, dead letters alarmed, slow callers capped, traced and logging JSON; samconfig.toml deploys it.
 */
class SafeOperationTemplateTest {

    private static Map<String, Object> root;
    private static CloudTemplate template;

    @BeforeAll
    static void read() throws Exception {
        root = CloudFormationYaml.read(SharedCloud.template());
        template = CloudTemplate.read(SharedCloud.template());
    }

    @Test
    void everyFunctionHasAnErrorRateAndAThrottlesAlarmThatGuardItsCanary() {
        // GIVEN the functions and the names the alarm loop expands
        Set<String> functions = template.resources(CloudTemplate.FUNCTION).keySet();
        List<String> alarmed = forEachNames("Fn::ForEach::FunctionAlarms");
        Map<String, Object> generated = forEachOutput("Fn::ForEach::FunctionAlarms");

        // THEN the loop covers exactly the functions and makes both alarms for each
        assertThat(alarmed.stream().map(name -> name + "Function").collect(Collectors.toSet())).isEqualTo(functions);
        assertThat(generated).containsOnlyKeys("${Name}ErrorRateAlarm", "${Name}ThrottlesAlarm");
        assertThat(generated.toString()).contains("{Fn::Sub=${${Name}Function}}");
        // AND each function's canary rolls back on its own two alarms
        assertThat(globals()).containsEntry("DeploymentPreference", Map.of("Type", "Canary10Percent5Minutes"));
        template.resources(CloudTemplate.FUNCTION).forEach((id, properties) -> {
            String name = id.substring(0, id.length() - "Function".length());
            assertThat(properties.get("DeploymentPreference")).as(id)
                    .isEqualTo(Map.of("Alarms", List.of(Map.of("Ref", name + "ErrorRateAlarm"), Map.of("Ref", name + "ThrottlesAlarm"))));
        });
    }

    @Test
    void everyDeadLetterQueueIsAlarmedAndEveryAlarmNotifiesTheTopic() {
        Set<String> deadLetterQueues = template.resources(CloudTemplate.QUEUE).keySet().stream()
                .filter(id -> id.endsWith("DeadLetterQueue")).collect(Collectors.toSet());
        assertThat(forEachNames("Fn::ForEach::DeadLetterAlarms").stream().map(name -> name + "DeadLetterQueue").collect(Collectors.toSet()))
                .isEqualTo(deadLetterQueues);
        List<Map<String, Object>> alarms = new java.util.ArrayList<>(template.resources("AWS::CloudWatch::Alarm").values());
        forEachOutput("Fn::ForEach::FunctionAlarms").values().forEach(alarm -> alarms.add(properties(alarm)));
        forEachOutput("Fn::ForEach::DeadLetterAlarms").values().forEach(alarm -> alarms.add(properties(alarm)));
        // two named alarms, the loop of two per function, the loop of one per dead-letter queue
        assertThat(alarms).hasSize(5).allSatisfy(alarm -> {
            assertThat(alarm.get("AlarmActions")).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
            assertThat(alarm.get("TreatMissingData")).isEqualTo("notBreaching");
        });
        assertThat(template.resources("AWS::CloudWatch::Alarm")).containsKeys("WebhookServerErrorsAlarm", "PushFailuresAlarm");
    }

    @Test
    void slowCallersAreCappedBelowWhatIngestKeepsAndQueueConsumersScaleWithinTheirCap() {
        Map<String, Map<String, Object>> functions = template.resources(CloudTemplate.FUNCTION);
        int ingest = (Integer) functions.get("IngestCarrierFunction").get("ReservedConcurrentExecutions");
        for (String slow : List.of("WebhookDispatchFunction", "WebhookRetryFunction", "SubscribeCarriersFunction")) {
            assertThat((Integer) functions.get(slow).get("ReservedConcurrentExecutions")).as(slow).isPositive().isLessThan(ingest);
        }
        template.functions().forEach(function -> function.eventsOfType("SQS").forEach(queue -> {
            @SuppressWarnings("unchecked")
            int maximum = ((Map<String, Integer>) queue.get("ScalingConfig")).get("MaximumConcurrency");
            Object reserved = functions.get(function.logicalId()).get("ReservedConcurrentExecutions");
            assertThat(maximum).as(function.logicalId()).isBetween(2, reserved == null ? 1000 : (Integer) reserved);
        }));
    }

    @Test
    void functionsAreTracedAndLogJson() {
        assertThat(globals()).containsEntry("Tracing", "Active");
        assertThat(globals().get("LoggingConfig")).isEqualTo(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN"));
    }

    @Test
    void samconfigDeploysTheTemplateWithTheCapabilitiesItsTransformsNeed() throws Exception {
        JsonNode config = new TomlMapper().readTree(SharedCloud.template().resolveSibling("samconfig.toml").toFile());
        assertThat(config.path("default").path("global").path("parameters").path("stack_name").asText()).isEqualTo("tracklight");
        for (String environment : List.of("default", "staging")) {
            JsonNode deploy = config.path(environment).path("deploy").path("parameters");
            assertThat(deploy.path("capabilities").asText().split(" ")).as(environment).contains("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND");
            assertThat(deploy.path("resolve_s3").asBoolean()).as(environment).isTrue();
            for (String override : deploy.path("parameter_overrides").asText().split(" ")) {
                assertThat(template.parameterDefaults()).as("a parameter of template.yaml").containsKey(override.split("=", 2)[0]);
            }
        }
        assertThat(root.get("Transform")).isEqualTo(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> globals() {
        return (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> forEach(String key) {
        return (List<Object>) ((Map<String, Object>) root.get("Resources")).get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> forEachNames(String key) {
        return (List<String>) forEach(key).get(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> forEachOutput(String key) {
        return (Map<String, Object>) forEach(key).get(2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }
}
