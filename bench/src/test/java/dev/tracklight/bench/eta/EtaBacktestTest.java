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
                "median_width_days", "edd_exceed_rate", "late_warning_precision", "late_warning_recall", "late_warning_f1", "n");
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
    void writesTheReportAsJson() throws Exception {
        Path out = Files.createTempFile("backtest", ".json");
        EtaBacktest.main(new String[] {"--olist", Path.of(EtaBacktestTest.class.getResource("/olist-slice").toURI()).toString(),
                "--evaluate-from", "2017-07-01", "--json", out.toString()});

        assertThat(Files.readString(out)).contains("\"mae_days\"", "\"baseline\"", "\"promise\"", "\"late_warning_f1\"");
    }
}
