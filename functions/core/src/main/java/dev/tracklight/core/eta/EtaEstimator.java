package dev.tracklight.core.eta;

import dev.tracklight.core.geo.CountryOffsets;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The first ETA: the carrier's estimate when it gave one, else the merchant's promise, else the lane's
 * median transit time from hand-off. The ETA and delay engine replaces this class behind the same call.
 */
public final class EtaEstimator {

    /** A carrier's estimate is a moment; its window is this wide on each side. */
    static final Duration CARRIER_MARGIN = Duration.ofHours(2);
    /** A promised day is read as a delivery between these local times. */
    static final LocalTime PROMISE_DAY_START = LocalTime.of(9, 0);
    static final LocalTime PROMISE_DAY_LIKELY = LocalTime.of(14, 0);
    static final LocalTime PROMISE_DAY_END = LocalTime.of(21, 0);
    /** Fewer deliveries than this on a lane say too little to estimate from. */
    static final int MIN_LANE_DELIVERIES = 5;

    private EtaEstimator() {
    }

    /**
     * @param status      the shipment's status after its events (no estimate once it is terminal)
     * @param promised    the merchant's promised delivery day, or null
     * @param destination where it goes, for the local offset before any scan gave one; may be null
     */
    public static Optional<EtaWindow> estimate(Status status, LocalDate promised, Location destination,
                                               Collection<TrackingEvent> events, Optional<LaneTransit> lane) {
        if (status != null && status.isTerminal()) {
            return Optional.empty();
        }
        String offset = destinationOffset(events, destination);
        Optional<TrackingEvent> carrierEstimate = events.stream()
                .filter(event -> event.carrierEta() != null)
                .max(ShipmentFold.CHRONOLOGICAL);
        if (carrierEstimate.isPresent()) {
            Instant likely = carrierEstimate.get().carrierEta();
            return Optional.of(new EtaWindow(likely.minus(CARRIER_MARGIN), likely, likely.plus(CARRIER_MARGIN), 0.8,
                    EtaBasis.CARRIER_ESTIMATE, offset));
        }
        if (promised != null) {
            ZoneOffset zone = ZoneOffset.of(offset);
            var day = promised;
            return Optional.of(new EtaWindow(day.atTime(PROMISE_DAY_START).toInstant(zone),
                    day.atTime(PROMISE_DAY_LIKELY).toInstant(zone), day.atTime(PROMISE_DAY_END).toInstant(zone), 0.6,
                    EtaBasis.MERCHANT_PROMISE, offset));
        }
        Optional<Instant> handOff = handOff(events);
        if (lane.isPresent() && lane.get().deliveries() >= MIN_LANE_DELIVERIES && handOff.isPresent()) {
            LaneTransit transit = lane.get();
            Instant from = handOff.get();
            return Optional.of(new EtaWindow(from.plus(transit.p25()), from.plus(transit.median()), from.plus(transit.p75()),
                    0.5, EtaBasis.LANE_HISTORY, offset));
        }
        return Optional.empty();
    }

    /** When the carrier took the parcel: the first pick-up scan, else the first scan of any kind. */
    public static Optional<Instant> handOff(Collection<TrackingEvent> events) {
        return events.stream().filter(event -> event.status() == Status.PICKED_UP)
                .map(TrackingEvent::occurredAt).min(Comparator.naturalOrder())
                .or(() -> events.stream().filter(TrackingEvent::changesStatus)
                        .filter(event -> event.status() != Status.INFO_RECEIVED)
                        .map(TrackingEvent::occurredAt).min(Comparator.naturalOrder()));
    }

    /**
     * The newest scan's offset is the best guess of where the parcel is headed; before any scan, the
     * destination country's when it has a single zone; UTC otherwise.
     */
    private static String destinationOffset(Collection<TrackingEvent> events, Location destination) {
        return events.stream().max(ShipmentFold.CHRONOLOGICAL)
                .map(TrackingEvent::localOffset)
                .filter(offset -> offset != null && offset.matches("[+-]\\d\\d:\\d\\d"))
                .or(() -> CountryOffsets.of(destination == null ? null : destination.country()))
                .orElse("+00:00");
    }
}
