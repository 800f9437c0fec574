package dev.tracklight.aws.observe;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per line on stdout, with the fields Powertools' logger writes ({@code timestamp, level,
 * message, service, function_name, function_request_id, cold_start, correlation_id}) and the caller's own. Lambda
 * sends the lines to CloudWatch Logs as they are; Logs Insights reads every field.
 */
public final class StructuredLog {

    /** Looked up once: {@code Json.createGenerator} searches the providers on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    public enum Level { DEBUG, INFO, WARN, ERROR }

    private final PrintStream out;
    private final Level threshold;

    public StructuredLog(PrintStream out, Level threshold) {
        this.out = out;
        this.threshold = threshold;
    }

    /** Lambda's {@code ApplicationLogLevel} arrives as {@code AWS_LAMBDA_LOG_LEVEL}; INFO when it is absent or unknown. */
    public static Level threshold(String configured) {
        if (configured != null) {
            for (Level level : Level.values()) {
                if (level.name().equalsIgnoreCase(configured)) {
                    return level;
                }
            }
        }
        return Level.INFO;
    }

    public boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /** @param context the invocation's own fields, written first; {@code fields} after them (nulls left out) */
    public void write(Level level, String message, Map<String, ?> context, Map<String, ?> fields) {
        if (!enabled(level)) {
            return;
        }
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = GENERATORS.createGenerator(line)) {
            json.writeStartObject().write("timestamp", Instant.now().toString()).write("level", level.name()).write("message", message);
            context.forEach((name, value) -> member(json, name, value));
            fields.forEach((name, value) -> member(json, name, value));
            json.writeEnd();
        }
        // one println per line: lines from parallel threads never interleave inside a line
        out.println(line);
    }

    static void member(JsonGenerator json, String name, Object value) {
        switch (value) {
            case null -> { }
            case Boolean bool -> json.write(name, bool);
            case Integer number -> json.write(name, number);
            case Long number -> json.write(name, number);
            case Double number -> json.write(name, number);
            case Iterable<?> values -> {
                json.writeStartArray(name);
                values.forEach(item -> json.write(String.valueOf(item)));
                json.writeEnd();
            }
            default -> json.write(name, String.valueOf(value));
        }
    }
}
