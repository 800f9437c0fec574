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

/**
 * {@code ./tracklight eta-backtest --olist DIR [--csv FILE] [--evaluate-from YYYY-MM-DD] [--holidays CC] [--json OUT]}:
 * replays a delivery history through the engine the functions use, in time order and without peeking, and
 * scores it at carrier hand-off side by side with the file's own promise and the hand-off + lane-median
 * baseline.
 */
public final class EtaBacktest {

    private EtaBacktest() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || (!options.containsKey("--olist") && !options.containsKey("--csv"))) {
            System.err.println("usage: ./tracklight eta-backtest --olist DIR [--csv FILE] [--evaluate-from YYYY-MM-DD] [--holidays CC] [--json OUT]");
            System.exit(2);
        }
        List<HistoricShipment> history = new ArrayList<>();
        if (options.containsKey("--olist")) {
            history.addAll(OlistHistory.read(Path.of(options.get("--olist"))));
        }
        if (options.containsKey("--csv")) {
            history.addAll(HistoryCsv.read(Path.of(options.get("--csv"))));
        }
        LocalDate from = options.containsKey("--evaluate-from") ? LocalDate.parse(options.get("--evaluate-from")) : LocalDate.MIN;
        String holidays = options.getOrDefault("--holidays", options.containsKey("--olist") ? "BR" : "");
        Map<String, Object> report = run(history, from, holidays);
        System.out.println(table(report));
        if (options.containsKey("--json")) {
            Files.writeString(Path.of(options.get("--json")), Json.write(report));
            System.out.println("written " + options.get("--json"));
        }
    }

    /** The engine's scores at the top level, the promise's and the baseline's under their names. */
    static Map<String, Object> run(List<HistoricShipment> history, LocalDate evaluateFrom, String holidayCountry) {
        LocalDate first = history.stream().map(s -> s.features().orderedAt() != null ? s.features().orderedAt() : s.handedOverAt())
                .min(Comparator.naturalOrder()).orElseThrow().toLocalDate().minusDays(31);
        LocalDate last = history.stream().map(HistoricShipment::deliveredAt).max(Comparator.naturalOrder()).orElseThrow()
                .toLocalDate().plusYears(2);
        BusinessClock clock = new BusinessClock(PublicHolidays.of(holidayCountry), first, last);
        List<HistoricShipment> evaluated = history.stream().filter(s -> !s.handedOverAt().toLocalDate().isBefore(evaluateFrom)).toList();
        Map<String, Object> report = new LinkedHashMap<>(Scores.of(evaluated, Replay.run(history, new EnginePredictor(clock))).toJson());
        List<HistoricShipment> promised = evaluated.stream().filter(s -> s.features().promisedDate() != null).toList();
        if (!promised.isEmpty()) {
            report.put("promise", Scores.of(promised, Replay.run(history.stream().filter(s -> s.features().promisedDate() != null).toList(),
                    new MerchantPromise())).toJson());
        }
        report.put("baseline", Scores.of(evaluated, Replay.run(history, new LaneMedianBaseline())).toJson());
        report.put("learned_from", history.size());
        report.put("evaluate_from", evaluateFrom.equals(LocalDate.MIN) ? null : evaluateFrom.toString());
        return report;
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder(String.format("%d shipments replayed, %s evaluated (hand-off from %s)%n%n",
                report.get("learned_from"), report.get("n"), report.get("evaluate_from") == null ? "the start" : report.get("evaluate_from")));
        String[] keys = {"mae_days", "median_ae_days", "within_1d", "within_2d", "p90_ae_days", "coverage_p10_p90", "median_width_days",
                "edd_exceed_rate", "median_edd_lead_days", "late_warning_precision", "late_warning_recall", "late_warning_f1"};
        out.append(String.format("%-24s %12s %12s %12s%n", "", "engine", "baseline", "promise"));
        for (String key : keys) {
            out.append(String.format("%-24s %12s %12s %12s%n", key, format(report.get(key)),
                    format(((Map<String, Object>) report.get("baseline")).get(key)),
                    report.containsKey("promise") ? format(((Map<String, Object>) report.get("promise")).get(key)) : "-"));
        }
        return out.toString();
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format("%.3f", d) : value == null ? "-" : value.toString();
    }
}
