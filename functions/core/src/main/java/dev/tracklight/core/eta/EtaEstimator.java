package dev.tracklight.core.eta;

import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitPrediction;
import dev.tracklight.core.geo.CountryOffsets;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Milestones;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The ETA shown: the carrier's own estimate when it gave one; on the van, the rest of that day's rounds;
 * after hand-off, the transit engine's window
 * once it has learnt enough deliveries (docs/eta.md: on real history it beats the merchant's promise by
 * far); else the merchant's promised day.
 */
public final class EtaEstimator {

    /** A carrier's estimate is a moment; its window is this wide on each side. */
    static final Duration CARRIER_MARGIN = Duration.ofHours(2);
    /** A promised day is read as a delivery between these local times. */
    static final LocalTime PROMISE_DAY_START = LocalTime.of(9, 0);
    static final LocalTime PROMISE_DAY_LIKELY = LocalTime.of(14, 0);
    static final LocalTime PROMISE_DAY_END = LocalTime.of(21, 0);
    /** Rounds end by then; a parcel still on the van later is most likely brought back to the station. */
    static final LocalTime ROUNDS_END = PROMISE_DAY_END;
    /** On the van, a parcel usually arrives within this long of its out-for-delivery scan (a half round). */
    static final Duration TYPICAL_ROUND = Duration.ofHours(4);
    /** Below this many learnt deliveries the engine knows too little to beat a merchant's promise. */
    static final int MIN_ENGINE_DELIVERIES = 30;

    private EtaEstimator() {
    }

    /**
     * @param shipment the shipment (its promise, destination and lane)
     * @param progress its progress after its events, milestones included (no estimate once it is terminal)
     * @param engine   the transit engine as trained so far, when there is one
     */
    public static Optional<EtaWindow> estimate(Shipment shipment, Progress progress, Optional<TransitEngine> engine, Instant now) {
        Status status = progress.status();
        if (status.isTerminal()) {
            return Optional.empty();
        }
        Milestones milestones = progress.milestones();
        String offset = destinationOffset(progress.lastEvent(), shipment.destination());
        ZoneOffset zone = ZoneOffset.of(offset);
        Instant carrierEta = milestones.carrierEta();
        Optional<EtaWindow> today = status == Status.OUT_FOR_DELIVERY && milestones.outForDelivery() != null
                ? onTheVan(milestones.outForDelivery(), zone, offset, now) : Optional.empty();
        // on the van, the carrier's estimate counts only when it lies in the rounds: one given days ago said "tomorrow"
        if (carrierEta != null && (today.isEmpty() || today.get().contains(carrierEta))) {
            Optional<EtaWindow> window = Optional.of(new EtaWindow(carrierEta.minus(CARRIER_MARGIN), carrierEta, carrierEta.plus(CARRIER_MARGIN), 0.8,
                    EtaBasis.CARRIER_ESTIMATE, offset));
            return today.map(rounds -> window.get().within(rounds.early(), rounds.late())).or(() -> window);
        }
        if (today.isPresent()) {
            return today;
        }
        Optional<Instant> handOff = Optional.ofNullable(milestones.handOff());
        Optional<TransitEngine> trained = engine.filter(e -> e.deliveries() >= MIN_ENGINE_DELIVERIES);
        var features = handOff.map(time -> ShipmentTransit.features(shipment, time, zone));
        var asOf = LocalDateTime.ofInstant(handOff.filter(now::isBefore).orElse(now), zone);
        if (trained.isPresent() && features.isPresent() && trained.get().explains(features.get(), asOf)) {
            TransitPrediction prediction = trained.get().predict(features.get(), asOf);
            boolean assessed = !Double.isNaN(prediction.lateProbability());
            return Optional.of(new EtaWindow(prediction.early().toInstant(zone), prediction.likely().toInstant(zone),
                    prediction.late().toInstant(zone), TransitPrediction.WINDOW_CONFIDENCE, EtaBasis.LANE_HISTORY, offset,
                    prediction.estimatedDeliveryDate(), assessed ? prediction.lateProbability() : null,
                    assessed ? prediction.lateWarning() : null));
        }
        if (shipment.promisedDelivery() != null) {
            var day = shipment.promisedDelivery();
            return Optional.of(new EtaWindow(day.atTime(PROMISE_DAY_START).toInstant(zone),
                    day.atTime(PROMISE_DAY_LIKELY).toInstant(zone), day.atTime(PROMISE_DAY_END).toInstant(zone), 0.6,
                    EtaBasis.MERCHANT_PROMISE, offset));
        }
        return Optional.empty();
    }

    /** True when an estimate for this progress may come from the transit engine, so it is worth reading. */
    public static boolean mayUseEngine(Progress progress) {
        return !progress.status().isTerminal() && progress.milestones().carrierEta() == null;
    }

    /**
     * Out for delivery, before the end of that day's rounds: between now and the end of the rounds, most
     * likely a half round after the scan. Once the rounds are over it was not delivered that day, and the
     * engine or the promise says what remains.
     */
    private static Optional<EtaWindow> onTheVan(Instant scan, ZoneOffset zone, String offset, Instant now) {
        Instant roundsEnd = LocalDateTime.ofInstant(scan, zone).toLocalDate().atTime(ROUNDS_END).toInstant(zone);
        Instant early = scan.isAfter(now) ? scan : now;
        if (!early.isBefore(roundsEnd)) {
            return Optional.empty();
        }
        Instant likely = scan.plus(TYPICAL_ROUND);
        likely = likely.isBefore(early) ? early : likely.isAfter(roundsEnd) ? roundsEnd : likely;
        return Optional.of(new EtaWindow(early, likely, roundsEnd, 0.7, EtaBasis.OUT_FOR_DELIVERY, offset));
    }

    /**
     * The day's rounds happen at the destination: its country's zone when it has a single one (a carrier that
     * writes its scans in UTC would otherwise put a Shanghai van's rounds at night); else the newest scan's
     * offset, the best guess of where the parcel is headed; UTC otherwise.
     */
    private static String destinationOffset(TrackingEvent newest, Location destination) {
        return CountryOffsets.of(destination == null ? null : destination.country())
                .or(() -> Optional.ofNullable(newest).map(TrackingEvent::localOffset)
                        .filter(offset -> offset != null && offset.matches("[+-]\\d\\d:\\d\\d")))
                .orElse("+00:00");
    }
}
