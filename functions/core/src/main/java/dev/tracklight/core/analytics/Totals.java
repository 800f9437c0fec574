package dev.tracklight.core.analytics;

import java.util.HashMap;
import java.util.Map;

/** Counts summed over the keys of a tally that the reports group together. */
record Totals(Map<String, Long> counts) {

    /** @param facilities whether to sum facility keys (true) or lane keys (false) */
    static Totals of(Tally figures, boolean facilities) {
        Map<String, Long> sums = new HashMap<>();
        figures.counts().forEach((key, named) -> {
            if (key.isFacility() == facilities) {
                named.forEach((name, amount) -> sums.merge(name, amount, Long::sum));
            }
        });
        return new Totals(sums);
    }

    static Totals of(Map<String, Long> counts) {
        return new Totals(counts);
    }

    long get(String name) {
        return counts.getOrDefault(name, 0L);
    }

    Totals plus(Map<String, Long> more) {
        Map<String, Long> sums = new HashMap<>(counts);
        more.forEach((name, amount) -> sums.merge(name, amount, Long::sum));
        return new Totals(sums);
    }

    /** Rounded to four places, so a report reads the same in every language; null for nothing measured. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    /** Hours per case, to a tenth; null without cases. */
    static Double hoursPer(long seconds, long cases) {
        return cases == 0 ? null : Math.round(seconds / 360.0 / cases) / 10.0;
    }
}
