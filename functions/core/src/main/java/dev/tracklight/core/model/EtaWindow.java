package dev.tracklight.core.model;

import jakarta.json.bind.annotation.JsonbCreator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When the shipment should arrive: the early and late edges, the likely moment, how confident we are
 * (0..1) and what it is based on. {@code localOffset} is the destination's offset, for showing local times.
 *
 * @param estimatedDeliveryDate the day we would promise: about one delivery in twenty lands after it (the engine calibrates it)
 * @param lateProbability       the chance of missing the merchant's promise, when the engine knows it
 * @param lateWarning           whether that chance is above the engine's warning threshold (null: not assessed)
 */
public record EtaWindow(Instant early, Instant likely, Instant late, double confidence, EtaBasis basis, String localOffset,
                        LocalDate estimatedDeliveryDate, Double lateProbability, Boolean lateWarning) {

    /** A likely moment that moved less than this is the same estimate to a reader. */
    static final Duration NOTICEABLE_MOVE = Duration.ofHours(1);

    @JsonbCreator // stored shipments are read back as JSON, and this record has two constructors
    public EtaWindow {
    }

    /** A window that carries no promise assessment of its own (carrier estimate, promised day). */
    public EtaWindow(Instant early, Instant likely, Instant late, double confidence, EtaBasis basis, String localOffset) {
        this(early, likely, late, confidence, basis, localOffset,
                late.atOffset(java.time.ZoneOffset.of(localOffset)).toLocalDate(), null, null);
    }

    /** Whether {@code moment} falls in the window, its edges included. */
    public boolean contains(Instant moment) {
        return !moment.isBefore(early) && !moment.isAfter(late);
    }

    /** The window cut to {@code [from, to]}, its likely moment kept inside: a carrier's estimate within the van's rounds. */
    public EtaWindow within(Instant from, Instant to) {
        Instant start = early.isBefore(from) ? from : early;
        Instant end = late.isAfter(to) ? to : late;
        Instant mostLikely = likely.isBefore(start) ? start : likely.isAfter(end) ? end : likely;
        return new EtaWindow(start, mostLikely, end, confidence, basis, localOffset);
    }

    /**
     * Whether a reader would see a different estimate: another basis, EDD or warning, or a likely moment
     * moved by an hour or more. The engine's window drifts a little with every minute that passes (it
     * conditions on the parcel not having arrived yet); that drift is not worth a push or a revision.
     */
    public boolean differsNoticeablyFrom(EtaWindow shown) {
        return shown == null || basis != shown.basis()
                || !Objects.equals(estimatedDeliveryDate, shown.estimatedDeliveryDate())
                || !Objects.equals(lateWarning, shown.lateWarning())
                || Duration.between(shown.likely(), likely).abs().compareTo(NOTICEABLE_MOVE) >= 0;
    }
}
