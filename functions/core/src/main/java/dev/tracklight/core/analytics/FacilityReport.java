package dev.tracklight.core.analytics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facilities where parcels wait longest: each carrier's hubs by the hours a visit lasts. */
public final class FacilityReport {

    private FacilityReport() {
    }

    /**
     * @param visits         visits that ended (the parcel was next scanned elsewhere)
     * @param meanDwellHours hours from the first to the last scan of a visit, on average (a visit still going counts as one)
     */
    public record Row(String carrier, String facility, long visits, double dwellHours, double meanDwellHours) {
    }

    /** Longest dwell first, at most {@code limit} rows. */
    public static List<Row> slowest(Tally figures, int limit) {
        Map<List<String>, Totals> byFacility = new LinkedHashMap<>();
        figures.counts().forEach((key, counts) -> {
            if (key.isFacility()) {
                byFacility.merge(List.of(key.carrier(), key.facility()), Totals.of(counts), (sum, more) -> sum.plus(more.counts()));
            }
        });
        return byFacility.entrySet().stream().map(entry -> {
                    long visits = entry.getValue().get(Counter.VISITS);
                    long seconds = entry.getValue().get(Counter.DWELL_SECONDS);
                    return new Row(entry.getKey().get(0), entry.getKey().get(1), visits, Totals.hoursPer(seconds, 1),
                            Totals.hoursPer(seconds, Math.max(visits, 1)));
                })
                .sorted(Comparator.comparingDouble(Row::meanDwellHours).reversed().thenComparing(Row::carrier).thenComparing(Row::facility))
                .limit(limit)
                .toList();
    }
}
