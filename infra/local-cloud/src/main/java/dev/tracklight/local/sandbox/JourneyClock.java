package dev.tracklight.local.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The clock of the scripted journeys a polled source reveals: a journey starts at the first request for a number
 * by a client, shows its first step then and one more every {@code step}; its scans happened half an hour apart,
 * the last at the start, so no scan is ever later than the request that shows it.
 */
final class JourneyClock {

    private static final Duration SCAN_GAP = Duration.ofMinutes(30);

    private final Duration step;
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();
    private final Set<String> faulted = ConcurrentHashMap.newKeySet();

    JourneyClock(Duration step) {
        this.step = step;
    }

    /** True the first time only: a scripted fault (429, 5xx) answers once, then the journey runs. */
    boolean firstTime(String key) {
        return faulted.add(key);
    }

    /** How many of a journey's {@code length} steps the request now sees. */
    int shown(String key, int length) {
        Instant start = start(key);
        return (int) Math.min(length, 1 + Duration.between(start, Instant.now()).toMillis() / step.toMillis());
    }

    /** When the journey's step {@code index} (of {@code length}) was scanned. */
    Instant scannedAt(String key, int index, int length) {
        return start(key).minus(SCAN_GAP.multipliedBy(length - 1L - index));
    }

    /** The steps of a journey the request now sees, newest first, each rendered as its source writes a scan. */
    <T> List<Map<String, Object>> newestFirst(String key, List<T> journey, BiFunction<T, Instant, Map<String, Object>> render) {
        List<Map<String, Object>> scans = new ArrayList<>();
        for (int i = shown(key, journey.size()) - 1; i >= 0; i--) {
            scans.add(render.apply(journey.get(i), scannedAt(key, i, journey.size())));
        }
        return scans;
    }

    private Instant start(String key) {
        return starts.computeIfAbsent(key, k -> Instant.now());
    }
}
