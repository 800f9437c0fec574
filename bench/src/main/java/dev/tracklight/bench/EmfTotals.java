package dev.tracklight.bench;

import dev.tracklight.core.json.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a function wrote in CloudWatch's embedded metric format, summed: what its own SDK interceptor
 * counted (requests, items, capacity units), what it processed, and when. Only lines stamped within the
 * window count, so one run's phases are told apart.
 */
final class EmfTotals {

    /** One metric line's value of a metric and its timestamp. */
    record Sample(long timestampMillis, double value) {
    }

    private final Map<String, Double> totals = new TreeMap<>();
    private final Map<String, List<Sample>> samples = new TreeMap<>();

    static EmfTotals of(Collection<String> lines, long fromMillis, long toMillis) {
        EmfTotals totals = new EmfTotals();
        for (String line : lines) {
            if (!line.startsWith("{\"_aws\"")) {
                continue;
            }
            Map<?, ?> record = Json.read(line, Map.class);
            long timestamp = ((Number) ((Map<?, ?>) record.get("_aws")).get("Timestamp")).longValue();
            if (timestamp < fromMillis || timestamp > toMillis) {
                continue;
            }
            for (Object definitions : (List<?>) ((Map<?, ?>) record.get("_aws")).get("CloudWatchMetrics")) {
                for (Object metric : (List<?>) ((Map<?, ?>) definitions).get("Metrics")) {
                    String name = (String) ((Map<?, ?>) metric).get("Name");
                    double value = sum(record.get(name));
                    totals.totals.merge(name, value, Double::sum);
                    totals.samples.computeIfAbsent(name, key -> new ArrayList<>()).add(new Sample(timestamp, value));
                }
            }
        }
        return totals;
    }

    private static double sum(Object value) {
        return value instanceof List<?> values ? values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum()
                : ((Number) value).doubleValue();
    }

    double total(String metric) {
        return totals.getOrDefault(metric, 0.0);
    }

    List<Sample> samples(String metric) {
        return samples.getOrDefault(metric, List.of());
    }

    /** These totals and another function's. */
    EmfTotals plus(EmfTotals other) {
        EmfTotals sum = new EmfTotals();
        sum.totals.putAll(totals);
        other.totals.forEach((name, value) -> sum.totals.merge(name, value, Double::sum));
        sum.samples.putAll(samples);
        other.samples.forEach((name, list) -> sum.samples.merge(name, list, (a, b) -> {
            List<Sample> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        return sum;
    }
}
