package dev.tracklight.bench;

import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.local.LocalCloud;
import dev.tracklight.local.runtime.SampleEvents;
import dev.tracklight.local.runtime.ZipInstance;
import dev.tracklight.local.template.CloudTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tracklight bench cold-start [--function LOGICAL_ID]}: each function's zip started in a fresh JVM through
 * the Lambda runtime interface client against a local cloud, as Lambda starts a new execution environment, and one
 * event of its trigger's kind handed to it, once the cloud's schedules have run (as in a deployed stack). Per function: zip size, init (JVM start → the runtime's first poll, the
 * handler's class and constructor included), first invocation, JVM start → first response, resident memory; then
 * {@code cold start: N functions, slowest <name> X ms, largest zip Y MB}. Measured, one run, on this machine.
 */
public final class ColdStartBench {

    /** One function's cold start. */
    record Measured(String function, long zipBytes, Duration init, Duration firstInvoke, boolean error, long residentKb,
                    Duration primedFirstInvoke, boolean primedError, boolean primerRan) {

        Duration firstResponse() {
            return init.plus(firstInvoke);
        }
    }

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        int at = list.indexOf("--function");
        String only = at >= 0 && at + 1 < list.size() ? list.get(at + 1) : null;
        Path template = Path.of(list.contains("--template") ? list.get(list.indexOf("--template") + 1) : "template.yaml").toAbsolutePath();
        try (LocalCloud cloud = LocalCloud.start(LocalCloud.Options.defaults(template))) {
            List<Measured> measured = run(cloud, template, only);
            print(measured);
        }
        System.exit(0);
    }

    static List<Measured> run(LocalCloud cloud, Path template, String only) throws Exception {
        Path root = template.getParent();
        Path work = root.resolve("bench/target/cold-start");
        List<Measured> measured = new ArrayList<>();
        // a new instance starts in a stack that has been running: its schedules have read once and marked where the next read starts
        cloud.fireSchedules();
        Map<String, Map<String, Object>> functions = CloudTemplate.read(template).resources(CloudTemplate.FUNCTION);
        for (Map.Entry<String, Map<String, Object>> function : new java.util.TreeMap<>(functions).entrySet()) {
            if (only != null && !only.equals(function.getKey())) {
                continue;
            }
            Path zip = root.resolve(String.valueOf(function.getValue().get("CodeUri")));
            String handler = String.valueOf(function.getValue().get("Handler"));
            int memory = function.getValue().get("MemorySize") instanceof Number number ? number.intValue() : 1024;
            String event = SampleEvents.forHandler(handler, route(function.getValue()));
            Duration init;
            ZipInstance.Invoked first;
            long residentKb;
            try (ZipInstance instance = ZipInstance.start(zip, function.getKey(), handler, cloud.environmentOf(function.getKey()), memory, work)) {
                init = instance.awaitInit(Duration.ofSeconds(60));
                first = instance.invoke(event, Duration.ofSeconds(60));
                residentKb = instance.residentKb();
            }
            // again in a fresh JVM whose SnapStart priming hooks ran before the first invocation, as in a snapshot
            ZipInstance.Invoked primed;
            boolean primerRan;
            try (ZipInstance instance = ZipInstance.start(zip, function.getKey(), handler, cloud.environmentOf(function.getKey()), memory, work, true)) {
                instance.awaitInit(Duration.ofSeconds(60));
                primed = instance.invoke(event, Duration.ofSeconds(60));
                primerRan = instance.output().contains(SnapStartPriming.PRIMED_MESSAGE);
            }
            measured.add(new Measured(function.getKey(), Files.size(zip), init, first.took(), first.error(), residentKb, primed.took(),
                    primed.error(), primerRan));
        }
        return measured;
    }

    static void print(List<Measured> measured) {
        System.out.printf("%-30s %9s %9s %13s %16s %9s %15s%n", "function", "zip MB", "init ms", "1st invoke ms", "start→response", "RSS MB",
                "primed 1st ms");
        for (Measured m : measured) {
            System.out.printf("%-30s %9.1f %9d %13d %13d ms %9.0f %15d%s%n", m.function(), m.zipBytes() / 1048576.0, m.init().toMillis(),
                    m.firstInvoke().toMillis(), m.firstResponse().toMillis(), m.residentKb() / 1024.0, m.primedFirstInvoke().toMillis(),
                    (m.error() || m.primedError() ? "  (the event failed)" : "") + (m.primerRan() ? "" : "  (no primer ran)"));
        }
        System.out.println(primingLine(measured));
        System.out.println(lastLine(measured));
    }

    /** What the priming hooks saved on the first invocation, summed over the functions: measured, both runs in this one. */
    static String primingLine(List<Measured> measured) {
        long plain = measured.stream().mapToLong(m -> m.firstInvoke().toMillis()).sum();
        long primed = measured.stream().mapToLong(m -> m.primedFirstInvoke().toMillis()).sum();
        return String.format("priming: first invocations %d ms without, %d ms after the SnapStart hooks (%.2f×)", plain, primed,
                primed == 0 ? 0.0 : (double) plain / primed);
    }

    static String lastLine(List<Measured> measured) {
        Measured slowest = measured.stream().max(java.util.Comparator.comparing(Measured::firstResponse)).orElseThrow();
        long largest = measured.stream().mapToLong(Measured::zipBytes).max().orElseThrow();
        return String.format("cold start: %d functions, slowest %s %d ms, largest zip %.1f MB", measured.size(), slowest.function(),
                slowest.firstResponse().toMillis(), largest / 1048576.0);
    }

    /** The function's first HTTP API route as {@code [method, path]}, or the tracking API's shipment route when it has none. */
    @SuppressWarnings("unchecked")
    static String[] route(Map<String, Object> function) {
        Map<String, Object> events = function.get("Events") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return events.values().stream().map(event -> (Map<String, Object>) event).filter(event -> "HttpApi".equals(event.get("Type")))
                .map(event -> (Map<String, Object>) event.get("Properties"))
                .map(properties -> new String[]{String.valueOf(properties.get("Method")), String.valueOf(properties.get("Path"))})
                .findFirst().orElse(new String[]{"GET", "/v1/shipments/{id}"});
    }
}
