package dev.tracklight.core.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts to add to the console's figures, per {@link TallyKey}. Counts only ever add up: a change is the
 * difference of two tallies, and whatever order events arrive in, the differences sum to the tally of the
 * sorted timeline.
 */
public final class Tally {

    public static final Tally EMPTY = new Tally(Map.of());

    private final Map<TallyKey, Map<String, Long>> counts;

    private Tally(Map<TallyKey, Map<String, Long>> counts) {
        this.counts = counts;
    }

    /** A tally of these counts, zeros dropped. */
    public static Tally of(Map<TallyKey, Map<String, Long>> counts) {
        Builder builder = new Builder();
        counts.forEach((key, named) -> named.forEach((name, amount) -> builder.add(key, name, amount)));
        return builder.build();
    }

    public Map<TallyKey, Map<String, Long>> counts() {
        return counts;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    public long get(TallyKey key, String name) {
        return counts.getOrDefault(key, Map.of()).getOrDefault(name, 0L);
    }

    public Tally plus(Tally other) {
        return combine(other, 1);
    }

    public Tally minus(Tally other) {
        return combine(other, -1);
    }

    private Tally combine(Tally other, long sign) {
        Builder builder = new Builder();
        counts.forEach((key, named) -> named.forEach((name, amount) -> builder.add(key, name, amount)));
        other.counts.forEach((key, named) -> named.forEach((name, amount) -> builder.add(key, name, sign * amount)));
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally tally && tally.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    /** Adds counts up, key by key. */
    public static final class Builder {

        private final Map<TallyKey, Map<String, Long>> counts = new LinkedHashMap<>();

        public Builder add(TallyKey key, String name, long amount) {
            if (amount != 0) {
                counts.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(name, amount, Long::sum);
            }
            return this;
        }

        public Tally build() {
            Map<TallyKey, Map<String, Long>> kept = new LinkedHashMap<>();
            counts.forEach((key, named) -> {
                Map<String, Long> nonZero = new LinkedHashMap<>();
                named.forEach((name, amount) -> {
                    if (amount != 0) {
                        nonZero.put(name, amount);
                    }
                });
                if (!nonZero.isEmpty()) {
                    kept.put(key, Collections.unmodifiableMap(nonZero));
                }
            });
            return kept.isEmpty() ? EMPTY : new Tally(Collections.unmodifiableMap(kept));
        }
    }
}
