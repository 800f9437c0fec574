package dev.tracklight.core.analytics;

import dev.tracklight.core.analytics.Counter.StageMeasure;
import dev.tracklight.core.delay.Stage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Service-level compliance per stage of the table, and how parcels moved through the journey's stages. */
public final class SlaReport {

    private SlaReport() {
    }

    /**
     * One stage of the table.
     *
     * @param measured the cases judged (events, acceptances, deliveries)
     * @param share    the share that met the indicator; null with nothing measured
     */
    public record Compliance(ServiceStage stage, String indicator, long measured, long met, Double share, double target, Rag status) {
    }

    /**
     * One stage of the journey.
     *
     * @param meanDwellHours the hours parcels spent in it per exit; null before any left it
     * @param locatedShare   the share of its updates that said where the parcel was; null without updates
     */
    public record StageFlow(Stage stage, long entries, long exits, long updates, long gaps, Double meanDwellHours, Double locatedShare) {
    }

    /** @param targets the tenant's own target shares; the table's for the stages it does not name */
    public static List<Compliance> compliance(Tally figures, Map<ServiceStage, Double> targets) {
        Totals totals = Totals.of(figures, false);
        return Arrays.stream(ServiceStage.values()).map(stage -> {
            long measured = switch (stage) {
                case ORDER_CREATED, OUTBOUND_SCAN -> totals.get(Counter.EVENTS);
                case WAREHOUSE_ACCEPTS -> totals.get(Counter.ACCEPTED);
                case IN_TRANSIT -> totals.get(StageMeasure.UPDATES.of(Stage.LINE_HAUL));
                case LAST_MILE -> totals.get(Counter.LAST_MILE_SCORED);
            };
            long met = switch (stage) {
                case ORDER_CREATED -> totals.get(Counter.RESPONDED_IN_TIME);
                case OUTBOUND_SCAN -> measured - totals.get(Counter.UNMAPPED);
                case WAREHOUSE_ACCEPTS -> totals.get(Counter.ACCEPTED_ON_TIME);
                case IN_TRANSIT -> totals.get(StageMeasure.LOCATED.of(Stage.LINE_HAUL));
                case LAST_MILE -> totals.get(Counter.LAST_MILE_ACCURATE);
            };
            double target = targets.getOrDefault(stage, stage.defaultTarget());
            return new Compliance(stage, stage.indicator(), measured, met, Totals.share(met, measured), target, Rag.of(met, measured, target));
        }).toList();
    }

    public static List<StageFlow> flow(Tally figures) {
        Totals totals = Totals.of(figures, false);
        return Arrays.stream(Stage.values()).map(stage -> {
            long exits = totals.get(StageMeasure.EXITS.of(stage));
            long updates = totals.get(StageMeasure.UPDATES.of(stage));
            return new StageFlow(stage, totals.get(StageMeasure.ENTRIES.of(stage)), exits, updates,
                    totals.get(StageMeasure.GAPS.of(stage)), Totals.hoursPer(totals.get(StageMeasure.DWELL_SECONDS.of(stage)), exits),
                    Totals.share(totals.get(StageMeasure.LOCATED.of(stage)), updates));
        }).toList();
    }
}
