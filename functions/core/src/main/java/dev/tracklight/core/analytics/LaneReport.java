package dev.tracklight.core.analytics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each carrier on each lane: deliveries against the promise, transit days, and how well the estimate shown held. */
public final class LaneReport {

    private LaneReport() {
    }

    /**
     * @param onTimeShare       deliveries on or before the promised day, of those that had one; null without any
     * @param transitDaysP50    whole days from hand-off to delivery, half of the deliveries within it; null without any
     * @param etaInsideShare    deliveries inside the window shown at the time, of those that had one
     * @param meanEtaErrorHours hours between the delivery and the estimate's likely moment, on average
     */
    public record Row(String carrier, String lane, long events, long delivered, long onTime, long late, Double onTimeShare,
                      Integer transitDaysP50, Integer transitDaysP90, long etaScored, Double etaInsideShare, Double meanEtaErrorHours) {
    }

    /** Busiest lanes first. */
    public static List<Row> of(Tally figures) {
        Map<List<String>, Totals> byLane = new LinkedHashMap<>();
        figures.counts().forEach((key, counts) -> {
            if (!key.isFacility()) {
                byLane.merge(List.of(key.carrier(), key.lane()), Totals.of(counts), (sum, more) -> sum.plus(more.counts()));
            }
        });
        return byLane.entrySet().stream().map(entry -> row(entry.getKey().get(0), entry.getKey().get(1), entry.getValue()))
                .sorted(Comparator.comparingLong(Row::delivered).reversed().thenComparing(Row::events, Comparator.reverseOrder())
                        .thenComparing(Row::carrier).thenComparing(Row::lane))
                .toList();
    }

    private static Row row(String carrier, String lane, Totals totals) {
        long onTime = totals.get(Counter.ON_TIME);
        long late = totals.get(Counter.LATE);
        long scored = totals.get(Counter.ETA_SCORED);
        return new Row(carrier, lane, totals.get(Counter.EVENTS), totals.get(Counter.DELIVERED), onTime, late, Totals.share(onTime, onTime + late),
                transitDays(totals, 0.5), transitDays(totals, 0.9), scored, Totals.share(totals.get(Counter.ETA_INSIDE), scored),
                scored == 0 ? null : Math.round(totals.get(Counter.ETA_ERROR_MINUTES) / 6.0 / scored) / 10.0);
    }

    /** The fewest whole days that {@code quantile} of the deliveries took at most, from their day counts. */
    private static Integer transitDays(Totals totals, double quantile) {
        long all = 0;
        for (int day = 0; day <= Counter.TRANSIT_DAYS_CAP; day++) {
            all += totals.get(Counter.transitDays(day));
        }
        long seen = 0;
        for (int day = 0; day <= Counter.TRANSIT_DAYS_CAP && all > 0; day++) {
            seen += totals.get(Counter.transitDays(day));
            if (seen >= quantile * all) {
                return day;
            }
        }
        return null;
    }
}
