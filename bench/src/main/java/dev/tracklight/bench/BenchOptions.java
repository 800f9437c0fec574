package dev.tracklight.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --webhooks N --rate R --clients K --shipments S --history H1,H2 --warm-up W --template PATH}: each history
 * length is a phase of its own, on shipments given that many events before it starts; the W webhooks before the
 * phases start every instance and run each path often enough that the first phase does not pay for the JIT's
 * first compilations.
 */
record BenchOptions(int webhooks, int rate, int clients, int shipments, List<Integer> histories, int warmUp, String template) {

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
                intOption(list, "--warm-up", 300),
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
