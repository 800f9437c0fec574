package dev.tracklight.core.delay;

import dev.tracklight.core.model.DelayReason;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Judges a shipment against its promise and its stage SLA at a given moment: STALLED first (nothing
 * moves), then LATE, then AT_RISK. Without a promise only STALLED can be said.
 */
public final class DelayAssessor {

    private DelayAssessor() {
    }

    /**
     * The shipment's outlook once it has this progress: the ETA, the verdict (keeping the moment it was
     * detected while it holds) and when to judge again if no scan arrives: when the stage SLA runs out or
     * the promise passes, whichever comes first.
     */
    public static Outlook outlook(Shipment shipment, Progress progress, Optional<EtaWindow> eta, DelayPolicy policy, Instant now) {
        Optional<DelayAssessment> verdict = assess(shipment, progress, eta, policy, now).map(v -> v.since(shipment.delay()));
        Optional<Instant> recheckAt = progress.status().isTerminal() ? Optional.empty()
                : Stream.concat(policy.sla().dueAt(progress, shipment.createdAt()).stream(),
                        promiseEnd(shipment.promisedDelivery(), eta).stream())
                .filter(now::isBefore).min(Instant::compareTo);
        return new Outlook(eta.orElse(null), verdict.orElse(null), recheckAt.orElse(null));
    }

    public static Optional<DelayAssessment> assess(Shipment shipment, Progress progress, Optional<EtaWindow> eta,
                                                   DelayPolicy policy, Instant now) {
        Optional<Instant> promiseEnd = promiseEnd(shipment.promisedDelivery(), eta);
        Status status = progress.status();
        if (status == Status.DELIVERED) {
            Instant deliveredAt = progress.lastEvent() == null ? now : progress.lastEvent().occurredAt();
            return promiseEnd.map(end -> deliveredAt.isAfter(end)
                    ? DelayAssessment.of(DelayStatus.LATE, DelayReason.DELIVERED_LATE, now)
                    : DelayAssessment.onTime(now));
        }
        if (status.isTerminal()) {
            return Optional.empty();
        }
        Optional<Instant> due = policy.sla().dueAt(progress, shipment.createdAt());
        if (due.isPresent() && now.isAfter(due.get())) {
            // a parcel never scanned counts from its registration: the merchant may not have handed it over
            Instant lastSeen = progress.lastEvent() == null ? shipment.createdAt() : progress.lastEvent().occurredAt();
            long hours = Duration.between(lastSeen, now).toHours();
            return Optional.of(DelayAssessment.stalled(hours, policy.sla().limitFor(status).toHours(), now));
        }
        if (promiseEnd.isEmpty()) {
            return Optional.empty();
        }
        Instant end = promiseEnd.get();
        if (now.isAfter(end)) {
            return Optional.of(DelayAssessment.of(DelayStatus.LATE, DelayReason.PROMISE_PASSED, now));
        }
        if (eta.isPresent() && eta.get().likely().isAfter(end)) {
            return Optional.of(DelayAssessment.of(DelayStatus.LATE, DelayReason.LIKELY_AFTER_PROMISE, now));
        }
        return Optional.of(atRisk(eta, end, policy)
                ? DelayAssessment.of(DelayStatus.AT_RISK, DelayReason.MAY_MISS_PROMISE, now)
                : DelayAssessment.onTime(now));
    }

    /**
     * A tenant's own threshold on the engine's chance of missing the promise decides first, then the
     * engine's warning (its threshold tuned on what happened); without either, a window reaching past the
     * promise.
     */
    private static boolean atRisk(Optional<EtaWindow> eta, Instant promiseEnd, DelayPolicy policy) {
        if (eta.isEmpty()) {
            return false;
        }
        EtaWindow window = eta.get();
        if (policy.lateWarningProbability() != null && window.lateProbability() != null) {
            return window.lateProbability() >= policy.lateWarningProbability();
        }
        if (window.lateWarning() != null) {
            return window.lateWarning();
        }
        return window.late().isAfter(promiseEnd);
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
