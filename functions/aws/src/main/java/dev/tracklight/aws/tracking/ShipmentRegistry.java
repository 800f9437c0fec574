package dev.tracklight.aws.tracking;

import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.carriers.detect.CarrierCandidate;
import dev.tracklight.core.carriers.detect.CarrierDetection;
import dev.tracklight.core.carriers.detect.CarrierDetector;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.model.CarrierChoice;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

/** Registers shipments and attaches the carrier events that arrived before them. */
public final class ShipmentRegistry {

    private final ShipmentStore store;
    private final ShipmentTracker tracker;
    private final Clock clock;
    private final CarrierDetector detector = new CarrierDetector();

    public ShipmentRegistry(ShipmentStore store, ShipmentTracker tracker, Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.clock = clock;
    }

    /**
     * Registers the shipment; without a carrier, the tracking number's shape decides it, and a number
     * that does not (ambiguous or unknown) is refused with the candidates so the merchant can pin one.
     */
    public Shipment register(String tenantId, Registration registration) throws ProblemException {
        return register(tenantId, registration, RandomIds.shipmentId());
    }

    /**
     * The same under a given id: when the tenant already has a shipment with it (a retried request), that
     * shipment is returned as it is.
     */
    public Shipment register(String tenantId, Registration registration, String shipmentId) throws ProblemException {
        Optional<Shipment> existing = store.get(shipmentId).filter(shipment -> shipment.tenantId().equals(tenantId));
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String carrier = TrackingNumbers.normalizeCarrier(registration.carrier());
        CarrierChoice choice = CarrierChoice.PINNED;
        if (carrier == null || carrier.isBlank()) {
            CarrierDetection detection = detector.detect(registration.trackingNumber());
            CarrierCandidate best = detection.decided().orElseThrow(() -> new ProblemException(Problem.of(422, "Carrier Not Recognised",
                    "cannot tell the carrier of '" + detection.trackingNumber() + "' from its shape"
                            + (detection.candidates().isEmpty() ? "" : "; it may be " + detection.candidates().stream()
                            .map(c -> c.carrier() + " (" + Math.round(c.confidence() * 100) + "%)").collect(Collectors.joining(", ")))
                            + "; send \"carrier\" to pin it")));
            carrier = best.carrier();
            choice = CarrierChoice.detected(best.confidence(), best.why());
        }
        Shipment shipment = Shipment.registered(tenantId, shipmentId, registration.orderId(), carrier,
                TrackingNumbers.normalize(registration.trackingNumber()), registration.serviceLevel(),
                registration.origin(), registration.destination(), registration.promisedDelivery(),
                registration.recipient(), RandomIds.trackingToken(), now).withCarrierChoice(choice)
                .withChannel(registration.channel() == null ? "api" : registration.channel());
        try {
            store.create(shipment);
        } catch (TransactionCanceledException concurrentRetry) {
            return store.get(shipmentId).filter(s -> s.tenantId().equals(tenantId)).orElseThrow(() -> concurrentRetry);
        }
        store.attachUnmatched(shipment);
        return tracker.refresh(shipment.shipmentId());
    }

    /** What a merchant tells us about a new shipment. */
    public record Registration(String orderId, String channel, String carrier, String trackingNumber, String serviceLevel,
                               Location origin, Location destination, LocalDate promisedDelivery, Contact recipient) {
    }
}
