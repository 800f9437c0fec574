package dev.tracklight.aws.tracking;

import dev.tracklight.aws.observe.EmfMetrics;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Shipment;

import java.time.Duration;
import java.time.Instant;

/**
 * How good the estimate shown was, counted once a shipment is delivered: {@code EtaErrorAtDelivery} (seconds
 * between the likely time and the delivery) and {@code DeliveredInsideWindow} / {@code DeliveredOutsideWindow},
 * by carrier. The figures the console and the ETA backtest judge the engine by, as it runs.
 */
final class EtaOutcomes {

    private EtaOutcomes() {
    }

    static void delivered(EtaWindow shown, Shipment delivered) {
        if (shown == null || delivered.lastEvent() == null) {
            return;
        }
        Instant at = delivered.lastEvent().occurredAt();
        String carrier = delivered.carrier() == null ? "unknown" : delivered.carrier();
        double error = Math.abs(Duration.between(shown.likely(), at).toSeconds());
        boolean inside = !at.isBefore(shown.early()) && !at.isAfter(shown.late());
        Telemetry.observe("EtaErrorAtDelivery", EmfMetrics.Unit.SECONDS, error, "carrier", carrier);
        Telemetry.count(inside ? "DeliveredInsideWindow" : "DeliveredOutsideWindow", 1, "carrier", carrier);
        Telemetry.info("delivered", "shipment_id", delivered.shipmentId(), "eta_error_seconds", (long) error, "inside_window", inside);
    }
}
