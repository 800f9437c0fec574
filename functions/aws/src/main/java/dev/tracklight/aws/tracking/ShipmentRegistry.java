package dev.tracklight.aws.tracking;

import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.OrderStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.admission.ShipmentAdmission;
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
    private final OrderStore orders;
    private final TimelineStore timeline;
    private final ShipmentTracker tracker;
    private final SubscriptionRequests subscriptions;
    private final Clock clock;
    private final CarrierDetector detector = new CarrierDetector();

    public ShipmentRegistry(ShipmentStore store, OrderStore orders, TimelineStore timeline, ShipmentTracker tracker,
                            SubscriptionRequests subscriptions, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.timeline = timeline;
        this.tracker = tracker;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * Registers the shipment under {@code shipmentId}; without a carrier, the tracking number's shape decides
     * it, and a number that does not (ambiguous or unknown) is refused with the candidates so the merchant can
     * pin one. When the tenant already has a shipment with this id (a retried request), that one is returned.
     *
     * @param unrecognisedAs the carrier to register a number under when neither the registration nor the
     *                       number's shape names one (a sales channel's own name for it), instead of refusing
     */
    public Shipment register(String tenantId, Registration registration, String shipmentId, Optional<String> unrecognisedAs)
            throws ProblemException {
        String trackingNumber = TrackingNumbers.normalize(registration.trackingNumber());
        String carrier = TrackingNumbers.normalizeCarrier(registration.carrier());
        admit(registration, carrier, trackingNumber);
        Instant now = clock.instant();
        CarrierChoice choice = CarrierChoice.PINNED;
        if (carrier == null || carrier.isBlank()) {
            CarrierDetection detection = detector.detect(registration.trackingNumber());
            Optional<CarrierCandidate> best = detection.decided();
            if (best.isPresent()) {
                carrier = best.get().carrier();
                choice = CarrierChoice.detected(best.get().confidence(), best.get().why());
            } else if (unrecognisedAs.isPresent()) {
                carrier = unrecognisedAs.get();
                choice = CarrierChoice.detected(0, "not recognised from the number; named so by the sales channel");
            } else {
                throw new ProblemException(Problem.of(422, "Carrier Not Recognised",
                        "cannot tell the carrier of '" + detection.trackingNumber() + "' from its shape"
                                + (detection.candidates().isEmpty() ? "" : "; it may be " + detection.candidates().stream()
                                .map(c -> c.carrier() + " (" + Math.round(c.confidence() * 100) + "%)").collect(Collectors.joining(", ")))
                                + "; send \"carrier\" to pin it"));
            }
        }
        Shipment shipment = Shipment.registered(tenantId, shipmentId, registration.orderId(), carrier, trackingNumber,
                registration.serviceLevel(), registration.origin(), registration.destination(), registration.promisedDelivery(),
                registration.recipient(), RandomIds.trackingToken(), now).withCarrierChoice(choice)
                .withChannel(registration.channel() == null ? "api" : registration.channel());
        if (registration.orderId() != null) {
            // every parcel of an order links to the order's one page
            shipment = shipment.withOrderToken(orders.open(tenantId, registration.orderId()).token());
        }
        try {
            store.create(shipment);
        } catch (TransactionCanceledException alreadyRegistered) {
            // a retried request (or its concurrent twin) created it first: that shipment is the answer, and its
            // subscription is asked for again in case the first request failed before asking (the subscriber repeats safely)
            Shipment first = store.get(shipmentId).filter(s -> s.tenantId().equals(tenantId)).orElseThrow(() -> alreadyRegistered);
            subscriptions.subscribe(first.shipmentId());
            return first;
        }
        subscriptions.subscribe(shipmentId);
        return tracker.add(shipment, timeline.unmatched(shipment));
    }

    /** @param carrier and {@code trackingNumber} as normalized for the shipment */
    private static void admit(Registration registration, String carrier, String trackingNumber) throws ProblemException {
        ShipmentAdmission.requireTrackingNumber(trackingNumber, "trackingNumber");
        if (carrier != null && !carrier.isBlank()) {
            ShipmentAdmission.requireCarrier(carrier, "carrier");
        }
        ShipmentAdmission.requireText(registration.orderId(), Bounds.ORDER_ID, "orderId");
        ShipmentAdmission.requireText(registration.serviceLevel(), Bounds.SERVICE_LEVEL, "serviceLevel");
        ShipmentAdmission.requirePlace(registration.origin(), "origin");
        ShipmentAdmission.requirePlace(registration.destination(), "destination");
        ShipmentAdmission.requireDate(registration.promisedDelivery(), "promisedDelivery");
        ShipmentAdmission.requireContact(registration.recipient(), "recipient");
    }

    /** What a merchant tells us about a new shipment. */
    public record Registration(String orderId, String channel, String carrier, String trackingNumber, String serviceLevel,
                               Location origin, Location destination, LocalDate promisedDelivery, Contact recipient) {
    }
}
