package dev.tracklight.bench;

import java.util.Comparator;
import java.util.List;

/**
 * Events drained per second in the steady part of a run: between the moments the processor's own count
 * passed 10 % and 90 % of what it processed in all, so neither the ramp-up nor the tail is averaged in.
 */
final class DrainRate {

    private DrainRate() {
    }

    /** @return events per second; NaN when too few were processed to tell */
    static double of(List<EmfTotals.Sample> processed) {
        List<EmfTotals.Sample> inTime = processed.stream().sorted(Comparator.comparingLong(EmfTotals.Sample::timestampMillis)).toList();
        double total = inTime.stream().mapToDouble(EmfTotals.Sample::value).sum();
        double seen = 0;
        long from = -1;
        double atFrom = 0;
        for (EmfTotals.Sample sample : inTime) {
            seen += sample.value();
            if (from < 0 && seen >= 0.1 * total) {
                from = sample.timestampMillis();
                atFrom = seen;
            }
            if (seen >= 0.9 * total) {
                long millis = sample.timestampMillis() - from;
                return millis <= 0 ? Double.NaN : (seen - atFrom) / (millis / 1000.0);
            }
        }
        return Double.NaN;
    }
}
