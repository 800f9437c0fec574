package dev.tracklight.core.delay;

import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Judges a shipment against its promise and its stage SLA at a given moment: STALLED first (nothing
 * moves), then LATE, then AT_RISK. Without a promise only STALLED can be said.
 */
public final class DelayAssessor {

    private DelayAssessor() {
    }

    public static Optional<DelayAssessment> assess(Shipment shipment, Optional<EtaWindow> eta, Instant now) {
        Optional<Instant> promiseEnd = promiseEnd(shipment.promisedDelivery(), eta);
        if (shipment.status() == Status.DELIVERED) {
            Instant deliveredAt = shipment.lastEvent() == null ? now : shipment.lastEvent().occurredAt();
            return promiseEnd.map(end -> deliveredAt.isAfter(end)
                    ? DelayAssessment.of(DelayStatus.LATE, DelayReason.DELIVERED_LATE)
                    : DelayAssessment.onTime());
        }
        if (shipment.status() != null && shipment.status().isTerminal()) {
            return Optional.empty();
        }
        Optional<Instant> due = StageSla.DEFAULT.dueAt(shipment);
        if (due.isPresent() && now.isAfter(due.get()) && shipment.lastEvent() != null) {
            long hours = Duration.between(shipment.lastEvent().occurredAt(), now).toHours();
            return Optional.of(DelayAssessment.stalled(hours, StageSla.DEFAULT.limitFor(shipment).toHours()));
        }
        if (promiseEnd.isEmpty()) {
            return Optional.empty();
        }
        Instant end = promiseEnd.get();
        if (now.isAfter(end)) {
            return Optional.of(DelayAssessment.of(DelayStatus.LATE, DelayReason.PROMISE_PASSED));
        }
        if (eta.isPresent() && eta.get().likely().isAfter(end)) {
            return Optional.of(DelayAssessment.of(DelayStatus.LATE, DelayReason.LIKELY_AFTER_PROMISE));
        }
        // the engine's warning (its threshold tuned on what happened) decides when it has assessed the promise
        Boolean engineWarning = eta.map(EtaWindow::lateWarning).orElse(null);
        boolean atRisk = engineWarning != null ? engineWarning : eta.isPresent() && eta.get().late().isAfter(end);
        if (atRisk) {
            return Optional.of(DelayAssessment.of(DelayStatus.AT_RISK, DelayReason.MAY_MISS_PROMISE));
        }
        return Optional.of(DelayAssessment.onTime());
    }

    /** The end of the promised day at the destination (the ETA's offset), or none without a promise. */
    private static Optional<Instant> promiseEnd(LocalDate promised, Optional<EtaWindow> eta) {
        if (promised == null) {
            return Optional.empty();
        }
        ZoneOffset zone = ZoneOffset.of(eta.map(EtaWindow::localOffset).orElse("+00:00"));
        return Optional.of(promised.plusDays(1).atStartOfDay().toInstant(zone));
    }
}
