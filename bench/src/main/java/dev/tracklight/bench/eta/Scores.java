package dev.tracklight.bench.eta;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a predictor did on the evaluated deliveries. Errors are |delivered − likely| in days. The window and
 * the EDD are judged as the consumer sees them, as calendar dates ("between 3 and 9 March" holds a delivery
 * on the 9th at 18:00); the {@code _exact} variants compare timestamps. Late = delivered after the promised day. The EDD's
 * lead is the days from hand-off to it; its margin, the days from the actual delivery to it (what a consumer waits
 * less than promised).
 */
record Scores(int n, double maeDays, double medianAeDays, double within1d, double within2d, double p90AeDays,
              Double coverage, Double medianWidthDays, Double coverageExact, Double medianWidthDaysExact,
              double eddExceedRate, double medianEddLeadDays, double medianEddMarginDays, int late, double precision, double recall, double f1) {

    static Scores of(List<HistoricShipment> evaluated, Map<String, Forecast> forecasts) {
        List<Double> errors = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        List<Double> exactWidths = new ArrayList<>();
        List<Double> leads = new ArrayList<>();
        List<Double> margins = new ArrayList<>();
        int covered = 0;
        int coveredExact = 0;
        int afterEdd = 0;
        int late = 0;
        int truePositives = 0;
        int warnings = 0;
        for (HistoricShipment shipment : evaluated) {
            Forecast forecast = forecasts.get(shipment.id());
            var delivered = shipment.deliveredAt();
            errors.add(Math.abs(Duration.between(forecast.likely(), delivered).toSeconds() / 86_400.0));
            if (forecast.early() != null) {
                boolean inDates = !delivered.toLocalDate().isBefore(forecast.early().toLocalDate())
                        && !delivered.toLocalDate().isAfter(forecast.late().toLocalDate());
                covered += inDates ? 1 : 0;
                coveredExact += !delivered.isBefore(forecast.early()) && !delivered.isAfter(forecast.late()) ? 1 : 0;
                widths.add((double) ChronoUnit.DAYS.between(forecast.early().toLocalDate(), forecast.late().toLocalDate()));
                exactWidths.add(Duration.between(forecast.early(), forecast.late()).toSeconds() / 86_400.0);
            }
            afterEdd += delivered.toLocalDate().isAfter(forecast.estimatedDeliveryDate()) ? 1 : 0;
            leads.add((double) ChronoUnit.DAYS.between(shipment.handedOverAt().toLocalDate(), forecast.estimatedDeliveryDate()));
            margins.add((double) ChronoUnit.DAYS.between(delivered.toLocalDate(), forecast.estimatedDeliveryDate()));
            late += shipment.wasLate() ? 1 : 0;
            warnings += forecast.lateWarning() ? 1 : 0;
            truePositives += forecast.lateWarning() && shipment.wasLate() ? 1 : 0;
        }
        int n = evaluated.size();
        double precision = warnings == 0 ? 0.0 : (double) truePositives / warnings;
        double recall = late == 0 ? 0.0 : (double) truePositives / late;
        boolean windowed = !widths.isEmpty();
        return new Scores(n, mean(errors), quantile(errors, 0.5), share(errors, 1.0), share(errors, 2.0), quantile(errors, 0.9),
                windowed ? (double) covered / n : null, windowed ? quantile(widths, 0.5) : null,
                windowed ? (double) coveredExact / n : null, windowed ? quantile(exactWidths, 0.5) : null,
                (double) afterEdd / n, quantile(leads, 0.5), quantile(margins, 0.5), late, precision, recall,
                truePositives == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall));
    }

    /** The names of the backtest's JSON output. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", n);
        json.put("mae_days", maeDays);
        json.put("median_ae_days", medianAeDays);
        json.put("within_1d", within1d);
        json.put("within_2d", within2d);
        json.put("p90_ae_days", p90AeDays);
        json.put("coverage_p10_p90", coverage);
        json.put("median_width_days", medianWidthDays);
        json.put("coverage_p10_p90_exact", coverageExact);
        json.put("median_width_days_exact", medianWidthDaysExact);
        json.put("edd_exceed_rate", eddExceedRate);
        json.put("median_edd_lead_days", medianEddLeadDays);
        json.put("median_edd_margin_days", medianEddMarginDays);
        json.put("late", late);
        json.put("late_warning_precision", precision);
        json.put("late_warning_recall", recall);
        json.put("late_warning_f1", f1);
        return json;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double share(List<Double> values, double atMost) {
        return values.stream().filter(v -> v <= atMost).count() / (double) values.size();
    }

    /** Linear interpolation between the ranks of the sorted values (rank p·(n−1)). */
    private static double quantile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
    }
}
