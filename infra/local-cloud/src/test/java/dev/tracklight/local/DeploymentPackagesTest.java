package dev.tracklight.local;

import dev.tracklight.local.template.CloudTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code sam deploy} uploads is what the build made: every function's {@code CodeUri} names a zip the build
 * produced, in Lambda's Java layout (classes at the root, dependencies in {@code lib/}), holding its handler and at
 * most 15 MB, with no test code and no other function's module.
 */
class DeploymentPackagesTest {

    private static final long MAX_BYTES = 15L * 1024 * 1024;

    @Test
    void everyFunctionDeploysTheZipTheBuildMadeInLambdasJavaLayout() throws Exception {
        Path root = SharedCloud.template().getParent();
        for (Map.Entry<String, Map<String, Object>> function : CloudTemplate.read(SharedCloud.template()).resources(CloudTemplate.FUNCTION).entrySet()) {
            String codeUri = String.valueOf(function.getValue().get("CodeUri"));
            String handler = String.valueOf(function.getValue().get("Handler"));
            Path zip = root.resolve(codeUri);

            assertThat(codeUri).as(function.getKey()).matches("functions/([a-z-]+)/target/\\1\\.zip");
            assertThat(zip).as(function.getKey() + ": run the build first").isRegularFile();
            assertThat(Files.size(zip)).as(function.getKey() + " zip size").isLessThanOrEqualTo(MAX_BYTES);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                List<String> names = file.stream().map(ZipEntry::getName).toList();
                String handlerClass = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
                assertThat(names).as(function.getKey()).contains(handlerClass);
                assertThat(names).as(function.getKey() + ": dependencies in lib/").anyMatch(name -> name.matches("lib/aws-[0-9].*\\.jar"))
                        .anyMatch(name -> name.matches("lib/core-[0-9].*\\.jar"));
                assertThat(names).as(function.getKey() + ": no jar outside lib/, no test code, no local tooling")
                        .noneMatch(name -> name.endsWith(".jar") && !name.startsWith("lib/"))
                        .noneMatch(name -> name.contains("Test.class") || name.contains("junit") || name.contains("assertj"))
                        .noneMatch(name -> name.startsWith("lib/local-cloud") || name.startsWith("lib/operator") || name.contains("DynamoDBLocal"));
                // a newer SDK may bring a default HTTP client of its own (2.59 brought Apache 5): megabytes and init for nothing
                assertThat(names).as(function.getKey() + ": url-connection-client is the only HTTP client")
                        .anyMatch(name -> name.matches("lib/url-connection-client-[0-9].*\\.jar"))
                        .noneMatch(name -> name.matches("lib/(apache-client|apache5-client|netty-nio-client|aws-crt-client|httpclient|httpclient5|httpcore5)-[0-9].*\\.jar"));
            }
        }
    }

    /** IAM action prefixes in the template's policies, and the SDK client each needs. */
    private static final Map<String, String> CLIENT_OF_SERVICE = Map.of("dynamodb", "dynamodb", "sqs", "sqs", "events", "eventbridge",
            "execute-api", "apigatewaymanagementapi", "ses", "sesv2", "sns", "sns");
    private static final java.util.regex.Pattern CLIENT_JAR = java.util.regex.Pattern.compile(
            "lib/(dynamodb|sqs|eventbridge|apigatewaymanagementapi|sesv2|sns)-[0-9].*\\.jar");

    @Test
    void eachZipCarriesExactlyTheSdkClientsItsFunctionsPoliciesAllow() throws Exception {
        Path root = SharedCloud.template().getParent();
        Map<String, java.util.Set<String>> allowed = new java.util.TreeMap<>();
        for (Map<String, Object> function : CloudTemplate.read(SharedCloud.template()).resources(CloudTemplate.FUNCTION).values()) {
            var services = allowed.computeIfAbsent(String.valueOf(function.get("CodeUri")), uri -> new java.util.TreeSet<>());
            java.util.regex.Matcher action = java.util.regex.Pattern.compile("([a-z-]+):[A-Za-z*]+").matcher(String.valueOf(function.get("Policies")));
            while (action.find()) {
                if (CLIENT_OF_SERVICE.containsKey(action.group(1))) {
                    services.add(CLIENT_OF_SERVICE.get(action.group(1)));
                }
            }
        }
        for (Map.Entry<String, java.util.Set<String>> zip : allowed.entrySet()) {
            try (ZipFile file = new ZipFile(root.resolve(zip.getKey()).toFile())) {
                java.util.Set<String> carried = file.stream().map(ZipEntry::getName).map(CLIENT_JAR::matcher)
                        .filter(java.util.regex.Matcher::matches).map(matcher -> matcher.group(1)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
                assertThat(carried).as(zip.getKey() + ": the SDK clients carried = those its policies allow calling").isEqualTo(zip.getValue());
            }
        }
    }
}
