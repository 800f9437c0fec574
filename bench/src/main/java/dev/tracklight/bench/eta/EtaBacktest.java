package dev.tracklight.bench.eta;

import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.PublicHolidays;
import dev.tracklight.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./tracklight eta-backtest --olist DIR [--csv FILE] [--evaluate-from YYYY-MM-DD | --origins D1,D2,… [--until D]]
 * [--holidays CC] [--json OUT]}: replays a delivery history through the engine the functions use, in time order and
 * without peeking, and scores it at carrier hand-off side by side with the file's own promise and the hand-off +
 * lane-median baseline: from one date on, or per period between rolling origins (with the mean and the worst).
 */
public final class EtaBacktest {

    /** The engine's figures are the report's own; the other predictors' are under their names. */
    private static final String ENGINE = "engine";

    /** The figures of the rolling table, and their column names. */
    private static final String[] ROLLING_KEYS = {"n", "mae_days", "coverage_p10_p90", "median_width_days", "edd_exceed_rate",
            "median_edd_lead_days", "median_edd_margin_days", "late_warning_precision", "late_warning_recall", "late_warning_f1"};
    private static final Map<String, String> SHORT = Map.of("mae_days", "MAE", "coverage_p10_p90", "cover", "median_width_days", "width",
            "edd_exceed_rate", ">EDD", "median_edd_lead_days", "EDD lead", "median_edd_margin_days", "EDD margin", "late_warning_precision", "warn P", "late_warning_recall", "warn R",
            "late_warning_f1", "warn F1");

    private EtaBacktest() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || (!options.containsKey("--olist") && !options.containsKey("--csv"))) {
            System.err.println("usage: ./tracklight eta-backtest --olist DIR [--csv FILE] [--evaluate-from YYYY-MM-DD | --origins D1,D2,... [--until D]]"
                    + " [--holidays CC] [--json OUT]");
            System.exit(2);
        }
        List<HistoricShipment> history = new ArrayList<>();
        if (options.containsKey("--olist")) {
            history.addAll(OlistHistory.read(Path.of(options.get("--olist"))));
        }
        if (options.containsKey("--csv")) {
            history.addAll(HistoryCsv.read(Path.of(options.get("--csv"))));
        }
        String holidays = options.getOrDefault("--holidays", options.containsKey("--olist") ? "BR" : "");
        Map<String, Object> report;
        if (options.containsKey("--origins")) {
            List<LocalDate> origins = Stream.of(options.get("--origins").split(",")).map(String::trim).map(LocalDate::parse).sorted().toList();
            LocalDate until = options.containsKey("--until") ? LocalDate.parse(options.get("--until"))
                    : history.stream().map(s -> s.handedOverAt().toLocalDate()).max(Comparator.naturalOrder()).orElseThrow().plusDays(1);
            report = rolling(history, origins, until, holidays);
            System.out.println(rollingTable(report));
        } else {
            LocalDate from = options.containsKey("--evaluate-from") ? LocalDate.parse(options.get("--evaluate-from")) : LocalDate.MIN;
            report = run(history, from, holidays);
            System.out.println(table(report));
        }
        if (options.containsKey("--json")) {
            Files.writeString(Path.of(options.get("--json")), Json.write(report));
            System.out.println("written " + options.get("--json"));
        }
    }

    /** The engine's scores at the top level, the promise's and the baseline's under their names. */
    static Map<String, Object> run(List<HistoricShipment> history, LocalDate evaluateFrom, String holidayCountry) {
        Map<String, Map<String, Forecast>> forecasts = forecasts(history, holidayCountry);
        Map<String, Object> report = new LinkedHashMap<>();
        scorable(history).forEach((predictor, shipments) -> {
            List<HistoricShipment> evaluated = shipments.stream().filter(s -> !s.handedOverAt().toLocalDate().isBefore(evaluateFrom)).toList();
            if (evaluated.isEmpty()) {
                return;
            }
            Map<String, Object> scores = Scores.of(evaluated, forecasts.get(predictor)).toJson();
            if (predictor.equals(ENGINE)) {
                report.putAll(scores);
            } else {
                report.put(predictor, scores);
            }
        });
        report.put("by_lane_size", byLaneSize(history, forecasts.get(ENGINE), s -> !s.handedOverAt().toLocalDate().isBefore(evaluateFrom)));
        report.put("learned_from", history.size());
        report.put("evaluate_from", evaluateFrom.equals(LocalDate.MIN) ? null : evaluateFrom.toString());
        return report;
    }

    /** Per period between the origins: every predictor's scores; then their mean and their worst over the periods. */
    static Map<String, Object> rolling(List<HistoricShipment> history, List<LocalDate> origins, LocalDate until, String holidayCountry) {
        Map<String, Map<String, Forecast>> forecasts = forecasts(history, holidayCountry);
        List<RollingOrigins.Period> periods = RollingOrigins.periods(origins, until, scorable(history), forecasts);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("learned_from", history.size());
        report.put("origins", periods.stream().map(period -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("origin", period.origin().toString());
            json.put("until", period.until().toString());
            json.putAll(period.scores());
            return json;
        }).toList());
        report.put("mean", RollingOrigins.mean(periods));
        report.put("worst", RollingOrigins.worst(periods));
        LocalDate first = origins.getFirst();
        report.put("by_lane_size", byLaneSize(history, forecasts.get(ENGINE), s -> !s.handedOverAt().toLocalDate().isBefore(first)
                && s.handedOverAt().toLocalDate().isBefore(until)));
        return report;
    }

    /** Each predictor's shipments that can be scored: the promise's are those that have one. */
    private static Map<String, List<HistoricShipment>> scorable(List<HistoricShipment> history) {
        Map<String, List<HistoricShipment>> scorable = new LinkedHashMap<>();
        scorable.put(ENGINE, history);
        scorable.put("baseline", history);
        scorable.put("promise", history.stream().filter(s -> s.features().promisedDate() != null).toList());
        return scorable;
    }

    /** The engine's figures on the scored shipments, by how many earlier deliveries their own lane had seen. */
    private static Map<String, Object> byLaneSize(List<HistoricShipment> history, Map<String, Forecast> forecasts,
                                                  java.util.function.Predicate<HistoricShipment> scored) {
        Map<String, String> buckets = LaneSizes.of(history);
        Map<String, Object> bySize = new LinkedHashMap<>();
        for (String bucket : LaneSizes.BUCKETS.keySet()) {
            List<HistoricShipment> inBucket = history.stream().filter(scored).filter(s -> bucket.equals(buckets.get(s.id()))).toList();
            if (!inBucket.isEmpty()) {
                Map<String, Object> scores = Scores.of(inBucket, forecasts).toJson();
                Map<String, Object> figures = new LinkedHashMap<>();
                for (String key : List.of("n", "mae_days", "coverage_p10_p90", "median_width_days", "edd_exceed_rate", "median_edd_margin_days")) {
                    figures.put(key, scores.get(key));
                }
                bySize.put(bucket, figures);
            }
        }
        return bySize;
    }

    /** One causal replay per predictor over the whole history. */
    private static Map<String, Map<String, Forecast>> forecasts(List<HistoricShipment> history, String holidayCountry) {
        LocalDate first = history.stream().map(s -> s.features().orderedAt() != null ? s.features().orderedAt() : s.handedOverAt())
                .min(Comparator.naturalOrder()).orElseThrow().toLocalDate().minusDays(31);
        LocalDate last = history.stream().map(HistoricShipment::deliveredAt).max(Comparator.naturalOrder()).orElseThrow()
                .toLocalDate().plusYears(2);
        BusinessClock clock = new BusinessClock(PublicHolidays.of(holidayCountry), first, last);
        Map<String, Map<String, Forecast>> forecasts = new LinkedHashMap<>();
        forecasts.put(ENGINE, Replay.run(history, new EnginePredictor(clock)));
        forecasts.put("baseline", Replay.run(history, new LaneMedianBaseline()));
        forecasts.put("promise", Replay.run(scorable(history).get("promise"), new MerchantPromise()));
        return forecasts;
    }

    @SuppressWarnings("unchecked")
    private static String rollingTable(Map<String, Object> report) {
        StringBuilder out = new StringBuilder(String.format("%d shipments replayed; figures per period from each origin%n", report.get("learned_from")));
        for (String predictor : List.of(ENGINE, "baseline", "promise")) {
            out.append(String.format("%n%-8s %-23s", predictor, "period"));
            for (String key : ROLLING_KEYS) {
                out.append(String.format(" %9s", SHORT.getOrDefault(key, key)));
            }
            out.append('\n');
            for (Map<String, Object> period : (List<Map<String, Object>>) report.get("origins")) {
                row(out, period.get("origin") + " … " + period.get("until"), (Map<String, Object>) period.get(predictor));
            }
            row(out, "mean", ((Map<String, Map<String, Object>>) report.get("mean")).get(predictor));
            row(out, "worst", ((Map<String, Map<String, Object>>) report.get("worst")).get(predictor));
        }
        return out.append(laneSizeTable(report)).toString();
    }

    @SuppressWarnings("unchecked")
    private static String laneSizeTable(Map<String, Object> report) {
        StringBuilder out = new StringBuilder(String.format("%nengine by earlier deliveries on the shipment's own lane%n%-10s %6s %9s %9s %9s %9s %11s%n",
                "lane", "n", "MAE", "cover", "width", ">EDD", "EDD margin"));
        ((Map<String, Map<String, Object>>) report.get("by_lane_size")).forEach((bucket, figures) -> out.append(String.format("%-10s %6s %9s %9s %9s %9s %11s%n",
                bucket, figures.get("n"), format(figures.get("mae_days")), format(figures.get("coverage_p10_p90")),
                format(figures.get("median_width_days")), format(figures.get("edd_exceed_rate")), format(figures.get("median_edd_margin_days")))));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Map<String, Object> scores) {
        out.append(String.format("%-8s %-23s", "", label));
        for (String key : ROLLING_KEYS) {
            out.append(String.format(" %9s", scores == null ? "-" : format(scores.get(key))));
        }
        out.append('\n');
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder(String.format("%d shipments replayed, %s evaluated (hand-off from %s)%n%n",
                report.get("learned_from"), report.get("n"), report.get("evaluate_from") == null ? "the start" : report.get("evaluate_from")));
        String[] keys = {"mae_days", "median_ae_days", "within_1d", "within_2d", "p90_ae_days", "coverage_p10_p90", "median_width_days",
                "edd_exceed_rate", "median_edd_lead_days", "median_edd_margin_days", "late_warning_precision", "late_warning_recall", "late_warning_f1"};
        out.append(String.format("%-24s %12s %12s %12s%n", "", "engine", "baseline", "promise"));
        for (String key : keys) {
            out.append(String.format("%-24s %12s %12s %12s%n", key, format(report.get(key)),
                    format(((Map<String, Object>) report.get("baseline")).get(key)),
                    report.containsKey("promise") ? format(((Map<String, Object>) report.get("promise")).get(key)) : "-"));
        }
        return out.append(laneSizeTable(report)).toString();
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format("%.3f", d) : value == null ? "-" : value.toString();
    }
}
