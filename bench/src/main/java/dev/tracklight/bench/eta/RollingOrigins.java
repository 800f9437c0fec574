package dev.tracklight.bench.eta;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rolling-origin evaluation: the periods between consecutive origins (the last one up to {@code until}), each
 * scored on its own, every prediction made knowing only the deliveries before it, as in production. A figure
 * is reported per period, as the mean over periods, and as the worst period's: a setting that holds on one
 * period and not the next shows as a bad worst.
 */
final class RollingOrigins {

    /** Figures where a larger value is worse; the rest (shares within, precision, recall, F1) are worse when smaller. */
    private static final List<String> LARGER_IS_WORSE = List.of("mae_days", "median_ae_days", "p90_ae_days", "median_width_days",
            "median_width_days_exact", "edd_exceed_rate", "median_edd_lead_days", "median_edd_margin_days");
    /** Coverage is worse the farther it is from what the window promises, in either direction. */
    private static final List<String> NEAR_TARGET = List.of("coverage_p10_p90", "coverage_p10_p90_exact");
    private static final List<String> COUNTS = List.of("n", "late");
    private static final double COVERAGE_TARGET = 0.8;

    /** One period: its bounds and the predictors' figures on the shipments handed over in it. */
    record Period(LocalDate origin, LocalDate until, Map<String, Map<String, Object>> scores) {
    }

    private RollingOrigins() {
    }

    /**
     * @param forecasts each predictor's forecasts, by name
     * @param scored    each predictor's shipments that can be scored (the promise's: those with a promise)
     */
    static List<Period> periods(List<LocalDate> origins, LocalDate until, Map<String, List<HistoricShipment>> scored,
                                Map<String, Map<String, Forecast>> forecasts) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < origins.size(); i++) {
            LocalDate from = origins.get(i);
            LocalDate to = i + 1 < origins.size() ? origins.get(i + 1) : until;
            Map<String, Map<String, Object>> scores = new LinkedHashMap<>();
            scored.forEach((predictor, shipments) -> {
                List<HistoricShipment> inPeriod = shipments.stream()
                        .filter(s -> !s.handedOverAt().toLocalDate().isBefore(from) && s.handedOverAt().toLocalDate().isBefore(to)).toList();
                if (!inPeriod.isEmpty()) {
                    scores.put(predictor, Scores.of(inPeriod, forecasts.get(predictor)).toJson());
                }
            });
            periods.add(new Period(from, to, scores));
        }
        return periods;
    }

    /** Per predictor, the mean of each figure over the periods it was scored in (counts: their sum). */
    static Map<String, Map<String, Object>> mean(List<Period> periods) {
        return across(periods, values -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
    }

    /** Per predictor, each figure at its worst period (counts: their sum). */
    static Map<String, Map<String, Object>> worst(List<Period> periods) {
        return across(periods, null);
    }

    /** {@code reduce} null: the worst of the values. */
    private static Map<String, Map<String, Object>> across(List<Period> periods, Function<List<Double>, Double> reduce) {
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (Period period : periods) {
            period.scores().forEach((predictor, scores) -> scores.forEach((key, value) -> {
                if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
                    values.computeIfAbsent(predictor, p -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new ArrayList<>())
                            .add(number.doubleValue());
                }
            }));
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        values.forEach((predictor, figures) -> {
            Map<String, Object> reduced = new LinkedHashMap<>();
            figures.forEach((key, list) -> reduced.put(key, COUNTS.contains(key) ? (Object) (int) list.stream().mapToDouble(Double::doubleValue).sum()
                    : reduce != null ? reduce.apply(list) : list.stream().reduce((a, b) -> worse(key, a, b)).orElseThrow()));
            result.put(predictor, reduced);
        });
        return result;
    }

    private static double worse(String key, double a, double b) {
        if (NEAR_TARGET.contains(key)) {
            return Math.abs(a - COVERAGE_TARGET) >= Math.abs(b - COVERAGE_TARGET) ? a : b;
        }
        return LARGER_IS_WORSE.contains(key) ? Math.max(a, b) : Math.min(a, b);
    }
}
