package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.local.template.CloudTemplate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml, openapi.json and the code agree; the template passes cfn-lint and the API description
 * openapi-spec-validator where they are installed.
 */
class TemplateTest {

    private static final Pattern HANDLER_CLASS = Pattern.compile(
            "^package ([\\w.]+);.*?public (?:final )?class (\\w+) extends (?:EventHandler<|ScheduleHandler )", Pattern.DOTALL);

    @Test
    void everyHandlerTheTemplateNamesExistsAndCanBeBuiltByLambdaAndByTheLocalCloud() throws Exception {
        for (CloudTemplate.FunctionSpec function : CloudTemplate.read(SharedCloud.template()).functions()) {
            assertThat(function.handler()).as(function.logicalId()).endsWith("::handleRequest");
            Class<?> type = Class.forName(function.handlerClass());
            // every handler reads its event's bytes itself (EventHandler, ScheduleHandler): the runtime loads no serializer
            assertThat(RequestStreamHandler.class.isAssignableFrom(type)).as(function.logicalId() + " is a RequestStreamHandler").isTrue();
            assertThat(type.getConstructor()).as("Lambda's no-argument constructor").isNotNull();
            assertThat(type.getConstructor(FunctionEnvironment.class)).as("the local cloud's constructor").isNotNull();
        }
    }

    @Test
    void everyHandlerClassInTheCodeIsATemplateFunction() throws Exception {
        Set<String> named = CloudTemplate.read(SharedCloud.template()).functions().stream()
                .map(CloudTemplate.FunctionSpec::handlerClass).collect(Collectors.toSet());
        Path functions = SharedCloud.template().resolveSibling("functions");
        List<String> inCode;
        try (Stream<Path> files = Files.walk(functions)) {
            inCode = files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/main/"))
                    .map(TemplateTest::handlerClassIn)
                    .flatMap(Stream::ofNullable)
                    .toList();
        }

        assertThat(Set.copyOf(inCode)).as("handler classes in the code and in template.yaml").isEqualTo(named);
    }

    @Test
    void everyFunctionIsJava21OnArm64WithSnapStartOnItsAlias() throws Exception {
        Map<String, Object> globals = globals();
        assertThat(globals).containsEntry("Runtime", "java21").containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live").containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheV1RoutesTheTemplateDeclares() throws Exception {
        Set<String> declared = CloudTemplate.read(SharedCloud.template()).functions().stream()
                .flatMap(function -> function.eventsOfType("HttpApi").stream())
                .filter(route -> String.valueOf(route.get("Path")).startsWith("/v1/"))
                .map(route -> route.get("Method") + " " + route.get("Path"))
                .collect(Collectors.toSet());
        Set<String> described = new java.util.HashSet<>();
        new OpenApiContract().spec().path("paths").fields().forEachRemaining(path ->
                path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(described).isEqualTo(declared);
    }

    @Test
    void theOpenApiDocumentIsValidOpenApi31WhereTheValidatorIsInstalled() throws Exception {
        Path spec = SharedCloud.template().resolveSibling("functions/tracking-api/src/main/resources/openapi.json");
        Process check;
        try {
            check = new ProcessBuilder("python3", "-c", "import sys, json; from openapi_spec_validator import validate; "
                    + "validate(json.load(open(sys.argv[1])))", spec.toString()).redirectErrorStream(true).start();
        } catch (IOException absent) {
            Assumptions.abort("python3 is not installed on this machine");
            return;
        }
        String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (output.contains("No module named 'openapi_spec_validator'")) {
            System.out.println("SKIPPED openapi-spec-validator: not installed on this machine");
            Assumptions.abort("openapi-spec-validator is not installed on this machine");
        }
        assertThat(check.exitValue()).as(output).isZero();
    }

    @Test
    void cfnLintPasses() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("cfn-lint", "--version").redirectErrorStream(true).start();
            probe.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException absent) {
            System.out.println("SKIPPED cfn-lint: not installed on this machine (pip install cfn-lint to run this check)");
            Assumptions.abort("cfn-lint is not installed on this machine");
            return;
        }
        Process lint = new ProcessBuilder("cfn-lint", "--include-checks", "I", "--", SharedCloud.template().toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes());
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> globals() throws IOException {
        Map<String, Object> root = dev.tracklight.local.template.CloudFormationYaml.read(SharedCloud.template());
        return (Map<String, Object>) ((Map<String, Object>) root.get("Globals")).get("Function");
    }

    private static String handlerClassIn(Path file) {
        try {
            var matcher = HANDLER_CLASS.matcher(Files.readString(file));
            return matcher.find() ? matcher.group(1) + "." + matcher.group(2) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
