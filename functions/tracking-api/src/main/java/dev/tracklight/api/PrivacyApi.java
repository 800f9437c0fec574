package dev.tracklight.api;

import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.notify.Subscriber;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.view.ShipmentResource;

import java.time.Clock;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A consumer's data-subject requests, within the caller's tenant: export everything held about them, or
 * erase it. Erasure removes the recipient and reduces the destination to its city; the anonymous tracking
 * history (statuses, carrier scans) stays, as it describes the parcel, not the person.
 */
public final class PrivacyApi {

    private final ShipmentStore shipments;
    private final ShipmentTracker tracker;
    private final String publicBaseUrl;
    private final NotificationStore notifications;
    private final Clock clock;

    public PrivacyApi(ShipmentStore shipments, NotificationStore notifications, ShipmentTracker tracker, String publicBaseUrl, Clock clock) {
        this.notifications = notifications;
        this.shipments = shipments;
        this.tracker = tracker;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    /** The body of both requests: the consumer's e-mail, phone, or both. */
    public record Subject(String email, String phone) {
    }

    public record Export(Subject subject, List<ShipmentResource> shipments, List<UpdatesHeld> updates) {
    }

    /** A sign-up for a parcel's updates, as held: where to, and whether it was confirmed. */
    public record UpdatesHeld(String shipmentId, String channel, String address, boolean confirmed, java.time.Instant createdAt) {
    }

    public record Erasure(Subject subject, int shipmentsErased, int updatesErased) {
    }

    /** {@code POST /v1/privacy/export}. */
    public Export export(Caller caller, String body) throws ProblemException {
        Subject subject = subject(body);
        return new Export(subject, held(caller, subject).stream().map(s -> ShipmentResource.of(s, publicBaseUrl)).toList(),
                signUps(caller, subject).stream().map(held -> new UpdatesHeld(held.shipmentId(), held.channel().name(), held.address(),
                        held.confirmed(), held.createdAt())).toList());
    }

    /** {@code POST /v1/privacy/erase}. */
    public Erasure erase(Caller caller, String body) throws ProblemException {
        Subject subject = subject(body);
        int erased = 0;
        for (Shipment shipment : held(caller, subject)) {
            if (eraseOne(shipment.shipmentId())) {
                erased++;
            }
        }
        List<Subscriber> signUps = signUps(caller, subject);
        signUps.forEach(notifications::remove);
        return new Erasure(subject, erased, signUps.size());
    }

    /** The consumer's sign-ups for updates: an address is personal data as much as a recipient's. */
    private List<Subscriber> signUps(Caller caller, Subject subject) {
        return Stream.of(Contact.emailKey(subject.email()), Contact.phoneKey(subject.phone())).flatMap(Optional::stream)
                .flatMap(key -> notifications.heldFor(caller.tenantId(), key).stream()).toList();
    }

    private boolean eraseOne(String shipmentId) throws ProblemException {
        Optional<Shipment> erased;
        try {
            erased = shipments.changeDetails(shipmentId, before -> Optional.of(before).filter(s -> s.contact() != null)
                    .map(s -> s.withMerchantDetails(s.promisedDelivery(), null, cityOnly(s.destination()), clock.instant())));
        } catch (ConcurrentModificationException e) {
            throw new ProblemException(Problem.conflict("a shipment kept changing during the erasure; send the request again"));
        }
        erased.ifPresent(shipment -> tracker.refresh(shipment)); // the page's masked name goes too
        return erased.isPresent();
    }

    private static Location cityOnly(Location destination) {
        return destination == null ? null : Location.cityLevel(destination.city(), destination.region(), destination.country());
    }

    private List<Shipment> held(Caller caller, Subject subject) {
        Map<String, Shipment> byId = new LinkedHashMap<>();
        Stream.of(Contact.emailKey(subject.email()), Contact.phoneKey(subject.phone()))
                .flatMap(Optional::stream)
                .flatMap(key -> shipments.findByContact(caller.tenantId(), key).stream())
                .forEach(shipment -> byId.putIfAbsent(shipment.shipmentId(), shipment));
        return List.copyOf(byId.values());
    }

    private static Subject subject(String body) throws ProblemException {
        Subject subject = Bodies.read(body, Subject.class, "a data subject ({\"email\": …, \"phone\": …})");
        if (Contact.emailKey(subject.email()).isEmpty() && Contact.phoneKey(subject.phone()).isEmpty()) {
            throw new ProblemException(Problem.badRequest("send the consumer's email, phone, or both"));
        }
        return subject;
    }
}
