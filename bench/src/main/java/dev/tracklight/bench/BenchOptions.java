package dev.tracklight.bench;

import java.util.List;

/** {@code --webhooks N --rate R --clients K --shipments S --template PATH}. */
record BenchOptions(int webhooks, int rate, int clients, int shipments, String template) {

    static BenchOptions parse(String[] args) {
        List<String> list = List.of(args);
        return new BenchOptions(
                intOption(list, "--webhooks", 1_000),
                intOption(list, "--rate", 25),
                intOption(list, "--clients", 50),
                intOption(list, "--shipments", 50),
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
