package dev.tracklight.bench.eta;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backtest on a real slice of Olist orders (src/test/resources/olist-slice, CC BY-NC-SA 4.0). */
class EtaBacktestTest {

    private static List<HistoricShipment> history;
    private static Map<String, Object> report;

    @BeforeAll
    static void replay() throws URISyntaxException {
        history = OlistHistory.read(Path.of(EtaBacktestTest.class.getResource("/olist-slice").toURI()));
        report = EtaBacktest.run(history, LocalDate.parse("2017-07-01"), "BR");
    }

    @SuppressWarnings("unchecked")
    private static double metric(String predictor, String key) {
        Map<String, Object> scores = predictor.equals("engine") ? report : (Map<String, Object>) report.get(predictor);
        return ((Number) scores.get(key)).doubleValue();
    }

    @Test
    void readsEveryDeliveredOrderWithItsLaneDistanceAndPromise() {
        assertThat(history).hasSize(773);
        HistoricShipment first = history.getFirst();
        assertThat(first.features().laneKeys()).hasSize(3);
        assertThat(first.features().promisedDate()).isNotNull();
        assertThat(history).filteredOn(s -> s.features().distanceKm() != null).hasSizeGreaterThan(700);
    }

    @Test
    void reportsEveryRequiredFigureForTheEngineThePromiseAndTheBaseline() {
        List<String> required = List.of("mae_days", "median_ae_days", "within_1d", "within_2d", "p90_ae_days", "coverage_p10_p90",
                "median_width_days", "edd_exceed_rate", "median_edd_lead_days", "median_edd_margin_days", "late_warning_precision", "late_warning_recall", "late_warning_f1", "n");
        assertThat(report).containsKeys(required.toArray(String[]::new));
        assertThat((Map<String, Object>) report.get("baseline")).containsKeys(required.toArray(String[]::new));
        assertThat((Map<String, Object>) report.get("promise")).containsKeys("mae_days", "edd_exceed_rate", "late_warning_f1", "n");
        assertThat(metric("engine", "n")).isEqualTo(metric("baseline", "n")).isGreaterThan(400);
    }

    @Test
    void theEngineBeatsTheBaselineAndThePromiseWhereItMatters() {
        assertThat(metric("engine", "mae_days")).isLessThan(metric("baseline", "mae_days")).isLessThan(metric("promise", "mae_days"));
        assertThat(metric("engine", "edd_exceed_rate")).isLessThan(metric("baseline", "edd_exceed_rate"));
        assertThat(metric("engine", "coverage_p10_p90")).isGreaterThan(metric("baseline", "coverage_p10_p90"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void scoresEachPeriodBetweenRollingOriginsWithTheMeanAndTheWorstOverThem() {
        // GIVEN three origins two months apart, the last period ending with the year
        List<LocalDate> origins = List.of(LocalDate.parse("2017-05-01"), LocalDate.parse("2017-07-01"), LocalDate.parse("2017-09-01"));
        Map<String, Object> rolling = EtaBacktest.rolling(history, origins, LocalDate.parse("2018-01-01"), "BR");

        // THEN every period is scored for every predictor on exactly the shipments handed over in it
        List<Map<String, Object>> periods = (List<Map<String, Object>>) rolling.get("origins");
        assertThat(periods).extracting(period -> period.get("origin")).containsExactly("2017-05-01", "2017-07-01", "2017-09-01");
        assertThat(periods).extracting(period -> period.get("until")).containsExactly("2017-07-01", "2017-09-01", "2018-01-01");
        for (Map<String, Object> period : periods) {
            LocalDate from = LocalDate.parse((String) period.get("origin"));
            LocalDate until = LocalDate.parse((String) period.get("until"));
            long handedOver = history.stream().filter(s -> !s.handedOverAt().toLocalDate().isBefore(from) && s.handedOverAt().toLocalDate().isBefore(until)).count();
            assertThat(((Map<String, Object>) period.get("engine")).get("n")).isEqualTo((int) handedOver);
            assertThat(((Map<String, Object>) period.get("baseline")).get("n")).isEqualTo((int) handedOver);
            assertThat((Map<String, Object>) period.get("engine")).containsKeys("median_edd_lead_days", "median_edd_margin_days");
        }

        // AND the mean is the periods' mean, the worst their worst: the largest error, the coverage farthest from 80 %
        List<Double> maes = periods.stream().map(period -> ((Number) ((Map<String, Object>) period.get("engine")).get("mae_days")).doubleValue()).toList();
        List<Double> coverages = periods.stream().map(period -> ((Number) ((Map<String, Object>) period.get("engine")).get("coverage_p10_p90")).doubleValue()).toList();
        Map<String, Object> mean = ((Map<String, Map<String, Object>>) rolling.get("mean")).get("engine");
        Map<String, Object> worst = ((Map<String, Map<String, Object>>) rolling.get("worst")).get("engine");
        assertThat((Double) mean.get("mae_days")).isCloseTo(maes.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        assertThat((Double) worst.get("mae_days")).isEqualTo(maes.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat((Double) worst.get("coverage_p10_p90")).isEqualTo(coverages.stream().max(java.util.Comparator.comparing(c -> Math.abs(c - 0.8))).orElseThrow());
        assertThat(mean.get("n")).isEqualTo(periods.stream().mapToInt(period -> (Integer) ((Map<String, Object>) period.get("engine")).get("n")).sum());
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsCoverageByHowMuchHistoryEachShipmentsLaneHad() {
        Map<String, Map<String, Object>> bySize = (Map<String, Map<String, Object>>) report.get("by_lane_size");

        assertThat(bySize.keySet()).isSubsetOf("new lane", "1-9", "10-49", "50+").contains("new lane");
        assertThat(bySize.values().stream().mapToInt(figures -> (Integer) figures.get("n")).sum()).isEqualTo((int) metric("engine", "n"));
        assertThat(bySize.values()).allSatisfy(figures -> assertThat(figures).containsKeys("coverage_p10_p90", "median_width_days", "edd_exceed_rate"));
    }

    @Test
    void writesTheRollingReportAsJson() throws Exception {
        Path out = Files.createTempFile("rolling", ".json");
        EtaBacktest.main(new String[] {"--olist", Path.of(EtaBacktestTest.class.getResource("/olist-slice").toURI()).toString(),
                "--origins", "2017-07-01,2017-05-01", "--until", "2017-11-01", "--json", out.toString()});

        assertThat(Files.readString(out)).contains("\"origins\"", "\"origin\":\"2017-05-01\"", "\"until\":\"2017-11-01\"", "\"mean\"", "\"worst\"");
    }

    @Test
    void writesTheReportAsJson() throws Exception {
        Path out = Files.createTempFile("backtest", ".json");
        EtaBacktest.main(new String[] {"--olist", Path.of(EtaBacktestTest.class.getResource("/olist-slice").toURI()).toString(),
                "--evaluate-from", "2017-07-01", "--json", out.toString()});

        assertThat(Files.readString(out)).contains("\"mae_days\"", "\"baseline\"", "\"promise\"", "\"late_warning_f1\"");
    }
}
