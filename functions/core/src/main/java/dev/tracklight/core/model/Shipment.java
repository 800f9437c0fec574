package dev.tracklight.core.model;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A merchant's shipment as stored. {@code version} increases with every visible change and guards
 * concurrent writers (what was last announced of it is kept apart, see {@code Announced}). {@code etaRevisions} keeps the
 * estimates shown over time, the first one included. {@code recheckAt} is when the delay verdict must be
 * judged again if no scan arrives (the watchdog finds it through the due index).
 */
public record Shipment(
        String tenantId,
        String shipmentId,
        String orderId,
        String carrier,
        String trackingNumber,
        String serviceLevel,
        Location origin,
        Location destination,
        LocalDate promisedDelivery,
        Contact contact,
        String trackingToken,
        Status status,
        String subStatus,
        TrackingEvent lastEvent,
        int eventCount,
        Milestones milestones,
        EtaWindow eta,
        List<EtaRevision> etaRevisions,
        DelayAssessment delay,
        Instant recheckAt,
        long version,
        Instant createdAt,
        Instant updatedAt,
        CarrierChoice carrierChoice,
        String channel,
        String orderToken,
        boolean updatesWanted) {

    public Shipment {
        etaRevisions = etaRevisions == null ? List.of() : List.copyOf(etaRevisions);
    }

    /** A shipment as registered: no events yet, version 1, nothing announced. */
    public static Shipment registered(String tenantId, String shipmentId, String orderId, String carrier, String trackingNumber,
                                      String serviceLevel, Location origin, Location destination, LocalDate promisedDelivery,
                                      Contact contact, String trackingToken, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, Status.PENDING, null, null, 0, Milestones.NONE, null, List.of(), null, null, 1,
                now, now, CarrierChoice.PINNED, null, null, false);
    }

    /** True when neither what the shipment's viewers see nor when it must be judged again would change. */
    public boolean showsTheSameAs(Progress progress, Outlook outlook) {
        return progress.equals(progress()) && outlook.equals(outlook());
    }

    public Shipment withProgress(Progress progress, Outlook outlook, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, progress.status(), progress.subStatus(), progress.lastEvent(),
                progress.eventCount(), progress.milestones(), outlook.eta(), EtaRevision.append(etaRevisions, outlook.eta(), now),
                outlook.delay(), outlook.recheckAt(), version + 1, createdAt, now,
                carrierChoice, channel, orderToken, updatesWanted);
    }

    public Shipment withCarrierChoice(CarrierChoice choice) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, milestones, eta, etaRevisions,
                delay, recheckAt, version, createdAt, updatedAt, choice, channel, orderToken, updatesWanted);
    }

    /** The public token of the shipment's order page ({@code /o/{token}}), shared by every parcel of the order. */
    public Shipment withOrderToken(String token) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, milestones, eta, etaRevisions,
                delay, recheckAt, version, createdAt, updatedAt, carrierChoice, channel, token, updatesWanted);
    }

    /** Where the merchant's order came from ({@code api}, {@code shopify}, {@code woocommerce}, …). */
    public Shipment withChannel(String from) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, milestones, eta, etaRevisions,
                delay, recheckAt, version, createdAt, updatedAt, carrierChoice, from, orderToken, updatesWanted);
    }

    /**
     * The merchant changed its promise or the recipient (null: erased); a new version, judged again by the
     * tracker on its next refresh.
     */
    public Shipment withMerchantDetails(LocalDate promise, Contact recipient, Location destinationNow, Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destinationNow,
                promise, recipient, trackingToken, status, subStatus, lastEvent, eventCount, milestones, eta, etaRevisions,
                delay, recheckAt, version + 1, createdAt, now, carrierChoice, channel, orderToken, updatesWanted);
    }

    /**
     * A consumer confirmed updates for it: its announcements then go to the notifier too (the bus rule filters on
     * this, so the other shipments cost the notifier nothing). A new version, as any change of what is stored.
     */
    public Shipment withUpdatesWanted(Instant now) {
        return new Shipment(tenantId, shipmentId, orderId, carrier, trackingNumber, serviceLevel, origin, destination,
                promisedDelivery, contact, trackingToken, status, subStatus, lastEvent, eventCount, milestones, eta, etaRevisions,
                delay, recheckAt, version + 1, createdAt, now, carrierChoice, channel, orderToken, true);
    }

    /** The first estimate ever shown, or null before there was one. */
    public EtaWindow firstEta() {
        return etaRevisions.isEmpty() ? null : etaRevisions.getFirst().window();
    }

    /** The delay status now, or null when none can be judged (no promise, or a terminal status). */
    public DelayStatus delayStatus() {
        return delay == null ? null : delay.status();
    }

    public Progress progress() {
        return new Progress(status, subStatus, lastEvent, eventCount, milestones);
    }

    public Outlook outlook() {
        return new Outlook(eta, delay, recheckAt);
    }

    /**
     * The part of a shipment that its events decide; any change to it is visible on the tracking page.
     * {@code milestones} is null on a shipment stored before they were kept: its next fold reads its events.
     */
    public record Progress(Status status, String subStatus, TrackingEvent lastEvent, int eventCount, Milestones milestones) {

        /** A shipment's progress before any event. */
        public static final Progress NONE = new Progress(Status.PENDING, null, null, 0, Milestones.NONE);
    }

    /** What we expect of a shipment: its ETA, its delay verdict, and when to judge it again without a scan. */
    public record Outlook(EtaWindow eta, DelayAssessment delay, Instant recheckAt) {
    }
}
