package dev.tracklight.aws.observe;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.PrintStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics in CloudWatch's embedded metric format, written as log lines at the end of an invocation: no call
 * to CloudWatch, nothing on the invocation's path. One line per set of dimension values, each line naming its
 * namespace, its one dimension set and every metric recorded under it (counts summed, values kept up to the
 * format's 100 per metric).
 */
public final class EmfMetrics {

    /** Looked up once: {@code Json.createGenerator} searches the providers on every call. */
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    public static final String NAMESPACE = "Tracklight";
    /** The spec allows 100 values per metric and 100 metrics per directive. */
    private static final int MOST = 100;

    public enum Unit {
        COUNT("Count"), SECONDS("Seconds"), MILLISECONDS("Milliseconds");

        final String name;

        Unit(String name) {
            this.name = name;
        }
    }

    private record Series(String name, Unit unit, List<Double> values) {
    }

    private final Map<Map<String, String>, Map<String, Series>> byDimensions = new LinkedHashMap<>();

    /** Adds {@code value} to the count {@code name} under these dimensions (in the order given). */
    public synchronized void count(String name, double value, Map<String, String> dimensions) {
        Series series = series(name, Unit.COUNT, dimensions);
        if (series.values().isEmpty()) {
            series.values().add(value);
        } else {
            series.values().set(0, series.values().getFirst() + value);
        }
    }

    /** Records one observation of {@code name} (a duration, an error) under these dimensions. */
    public synchronized void observe(String name, Unit unit, double value, Map<String, String> dimensions) {
        List<Double> values = series(name, unit, dimensions).values();
        if (values.size() < MOST) {
            values.add(value);
        }
    }

    private Series series(String name, Unit unit, Map<String, String> dimensions) {
        Map<String, Series> metrics = byDimensions.computeIfAbsent(new LinkedHashMap<>(dimensions), key -> new LinkedHashMap<>());
        return metrics.computeIfAbsent(name, key -> new Series(name, unit, new ArrayList<>()));
    }

    /** Writes what was recorded, one line per dimension values, and forgets it. */
    public synchronized void flush(PrintStream out, long timestampMillis) {
        byDimensions.forEach((dimensions, metrics) -> {
            List<Series> all = List.copyOf(metrics.values());
            for (int from = 0; from < all.size(); from += MOST) {
                out.println(line(dimensions, all.subList(from, Math.min(all.size(), from + MOST)), timestampMillis));
            }
        });
        byDimensions.clear();
    }

    private static String line(Map<String, String> dimensions, List<Series> metrics, long timestampMillis) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = GENERATORS.createGenerator(line)) {
            json.writeStartObject().writeStartObject("_aws").write("Timestamp", timestampMillis).writeStartArray("CloudWatchMetrics")
                    .writeStartObject().write("Namespace", NAMESPACE).writeStartArray("Dimensions").writeStartArray();
            dimensions.keySet().forEach(json::write);
            json.writeEnd().writeEnd().writeStartArray("Metrics");
            metrics.forEach(series -> json.writeStartObject().write("Name", series.name()).write("Unit", series.unit().name).writeEnd());
            json.writeEnd().writeEnd().writeEnd().writeEnd();
            dimensions.forEach(json::write);
            for (Series series : metrics) {
                if (series.values().size() == 1) {
                    json.write(series.name(), series.values().getFirst());
                } else {
                    json.writeStartArray(series.name());
                    series.values().forEach(json::write);
                    json.writeEnd();
                }
            }
            json.writeEnd();
        }
        return line.toString();
    }
}
