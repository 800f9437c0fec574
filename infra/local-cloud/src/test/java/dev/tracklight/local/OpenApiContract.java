package dev.tracklight.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's responses against openapi.json: each response's status must be declared for its operation, its
 * content type must match, and its body must validate against the declared schema (JSON Schema 2020-12,
 * format assertions on, additional properties refused where the spec says so). Remembers which operation
 * answered which status, so a test can require that every declared response was seen.
 */
final class OpenApiContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode spec;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OpenApiContract() throws IOException {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            spec = MAPPER.readTree(in);
        }
    }

    JsonNode spec() {
        return spec;
    }

    /** Checks one response of {@code method pathTemplate} (e.g. {@code GET /v1/shipments/{id}}). */
    void check(String method, String pathTemplate, HttpResponse<String> response) throws IOException {
        String status = Integer.toString(response.statusCode());
        JsonNode operation = spec.path("paths").path(pathTemplate).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is in openapi.json", method, pathTemplate).isFalse();
        JsonNode declared = operation.path("responses").path(status);
        assertThat(declared.isMissingNode()).as("%s %s declares %s (body: %s)", method, pathTemplate, status, response.body()).isFalse();
        seen.add(method.toUpperCase() + " " + pathTemplate + " " + status);
        JsonNode content = declared.path("content");
        if (content.isMissingNode()) {
            assertThat(response.body()).as("%s %s %s has no body", method, pathTemplate, status).isEmpty();
            return;
        }
        String mediaType = response.headers().firstValue("content-type").orElse("").split(";")[0].trim();
        assertThat(content.has(mediaType)).as("%s %s %s is %s", method, pathTemplate, status, content.fieldNames().next()).isTrue();
        String pointer = "#/paths/" + escape(pathTemplate) + "/" + method.toLowerCase() + "/responses/" + status + "/content/"
                + escape(mediaType) + "/schema";
        ObjectNode schema = ((ObjectNode) spec.deepCopy()).put("$ref", pointer);
        // a JSON body is validated as JSON; any other (a CSV export) as the string its schema declares
        JsonNode body = mediaType.endsWith("json") ? MAPPER.readTree(response.body()) : TextNode.valueOf(response.body());
        Set<ValidationMessage> errors = factory.getSchema(schema, config).validate(body);
        assertThat(errors).as("%s %s %s body %s", method, pathTemplate, status, response.body()).isEmpty();
    }

    /** Checks a JSON document against one of the spec's component schemas (e.g. a webhook body against WebhookEvent). */
    void checkSchema(String component, String json) throws IOException {
        ObjectNode schema = ((ObjectNode) spec.deepCopy()).put("$ref", "#/components/schemas/" + component);
        Set<ValidationMessage> errors = factory.getSchema(schema, config).validate(MAPPER.readTree(json));
        assertThat(errors).as("%s: %s", component, json).isEmpty();
    }

    /** Every (operation, status) the spec declares that no check has seen. */
    Set<String> unseen(Set<String> exempt) {
        Set<String> missing = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                    String key = op.getKey().toUpperCase() + " " + path.getKey() + " " + status;
                    if (!seen.contains(key) && !exempt.contains(status)) {
                        missing.add(key);
                    }
                });
            }
        }
        return missing;
    }

    /** A JSON pointer token inside a URI fragment (RFC 6901 §6): ~ and / escaped, braces percent-encoded. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
