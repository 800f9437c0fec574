package dev.tracklight.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --webhooks N --rate R --clients K --shipments S --history H1,H2 --template PATH}: each history length
 * is a phase of its own, on shipments given that many events before it starts.
 */
record BenchOptions(int webhooks, int rate, int clients, int shipments, List<Integer> histories, String template) {

    BenchOptions {
        if (histories.isEmpty() || histories.stream().anyMatch(events -> events < 0)) {
            throw new IllegalArgumentException("--history takes one or more event counts, none negative");
        }
    }

    static BenchOptions parse(String[] args) {
        List<String> list = List.of(args);
        return new BenchOptions(
                intOption(list, "--webhooks", 1_000),
                intOption(list, "--rate", 25),
                intOption(list, "--clients", 50),
                intOption(list, "--shipments", 50),
                Stream.of(option(list, "--history", "10,500").split(",")).map(String::trim).map(Integer::parseInt).toList(),
                option(list, "--template", "template.yaml"));
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    private static int intOption(List<String> args, String name, int fallback) {
        int value = Integer.parseInt(option(args, name, Integer.toString(fallback)));
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
