package dev.tracklight.local.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of template.yaml the local cloud runs: functions with their event sources, the table, the
 * queues, the buses and the WebSocket API. Values stay unresolved here; {@link Intrinsics} resolves them
 * once the stand-ins exist.
 */
public final class CloudTemplate {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String EVENT_BUS = "AWS::Events::EventBus";
    public static final String WEBSOCKET_ROUTE = "AWS::ApiGatewayV2::Route";
    public static final String WEBSOCKET_STAGE = "AWS::ApiGatewayV2::Stage";
    public static final String WEBSOCKET_API = "AWS::ApiGatewayV2::Api";

    private final Map<String, Object> root;

    private CloudTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static CloudTemplate read(Path file) throws IOException {
        return new CloudTemplate(CloudFormationYaml.read(file));
    }

    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(root, "Resources").forEach((id, resource) -> {
            // Fn::ForEach (AWS::LanguageExtensions) expands into alarms, which nothing local runs
            if (!(resource instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> body = cast(resource);
            if (type.equals(body.get("Type"))) {
                out.put(id, map(body, "Properties"));
            }
        });
        return out;
    }

    public Optional<String> typeOf(String logicalId) {
        return Optional.ofNullable(map(root, "Resources").get(logicalId)).filter(Map.class::isInstance)
                .map(body -> (String) cast(body).get("Type"));
    }

    public Map<String, String> parameterDefaults() {
        Map<String, String> out = new LinkedHashMap<>();
        map(root, "Parameters").forEach((name, spec) -> {
            Object value = cast(spec).get("Default");
            if (value != null) {
                out.put(name, String.valueOf(value));
            }
        });
        return out;
    }

    /** {@code Globals.Function}: what every function declares unless it says otherwise ({@code MemorySize}, {@code Timeout} …). */
    public Map<String, Object> globalFunctionProperties() {
        return map(map(root, "Globals"), "Function");
    }

    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(map(root, "Globals"), "Function");
        Map<String, Object> globalVariables = map(map(globals, "Environment"), "Variables");
        return resources(FUNCTION).entrySet().stream().map(entry -> {
            Map<String, Object> properties = entry.getValue();
            Map<String, Object> variables = new LinkedHashMap<>(globalVariables);
            variables.putAll(map(map(properties, "Environment"), "Variables"));
            String handler = (String) properties.get("Handler");
            Map<String, Map<String, Object>> events = new LinkedHashMap<>();
            map(properties, "Events").forEach((name, event) -> events.put(name, cast(event)));
            return new FunctionSpec(entry.getKey(), handler, variables, events);
        }).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return cast(parent.get(key));
    }

    /**
     * A function as declared: the handler class, its environment (Globals merged in) and its event sources.
     *
     * @param handler {@code package.Class::method}, as Lambda reads it
     */
    public record FunctionSpec(String logicalId, String handler, Map<String, Object> environment,
                               Map<String, Map<String, Object>> events) {

        public String handlerClass() {
            return handler.split("::", 2)[0];
        }

        public List<Map<String, Object>> eventsOfType(String type) {
            return events.values().stream()
                    .filter(event -> type.equals(event.get("Type")))
                    .map(event -> map(event, "Properties"))
                    .toList();
        }
    }
}
