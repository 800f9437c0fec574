package dev.tracklight.aws.tracking;

import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.core.delay.DelayAssessor;
import dev.tracklight.core.eta.EtaEstimator;
import dev.tracklight.core.eta.EtaWindow;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.view.TrackingViews;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps shipments in step with their events. Every step is safe to repeat: the event write is
 * idempotent, the state is a fold of the stored events, the shipment write is guarded by its version,
 * and an announcement that did not go out is sent on the next attempt.
 */
public final class ShipmentTracker {

    private static final int MAX_ATTEMPTS = 5;

    private final ShipmentStore store;
    private final EtaModelStore etaModel;
    private final TenantSettingsStore settings;
    private final ShipmentEvents events;
    private final SubscriptionRequests subscriptions;
    private final Clock clock;

    public ShipmentTracker(ShipmentStore store, EtaModelStore etaModel, TenantSettingsStore settings, ShipmentEvents events,
                           SubscriptionRequests subscriptions, Clock clock) {
        this.store = store;
        this.etaModel = etaModel;
        this.settings = settings;
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The tracker as a function's environment configures it. */
    public static ShipmentTracker wire(FunctionEnvironment env, AwsClients aws) {
        return wire(env, aws, new TenantSettingsStore(aws.dynamoDb(), env.require("TABLE_NAME"), Clock.systemUTC()));
    }

    /** The same with the function's settings store, so a tenant's new settings clear the cache the tracker reads. */
    public static ShipmentTracker wire(FunctionEnvironment env, AwsClients aws, TenantSettingsStore settings) {
        String table = env.require("TABLE_NAME");
        Clock clock = Clock.systemUTC();
        return new ShipmentTracker(new ShipmentStore(aws.dynamoDb(), table), new EtaModelStore(aws.dynamoDb(), table, clock), settings,
                new ShipmentEvents(aws.eventBridge(), env.require("EVENT_BUS_NAME")),
                new SubscriptionRequests(aws.sqs(), env.require("SUBSCRIPTIONS_QUEUE_URL")), clock);
    }

    /**
     * Adds events of one tracking number to every shipment registered for it, or keeps them until one
     * registers. The shipment is folded once for all of them, however many arrived together.
     *
     * @param tenantId the tenant whose webhook endpoint received the events: only its shipments take them,
     *                 so one merchant's credentials cannot move another's parcels; null for a platform-wide
     *                 endpoint, whose events belong to every shipment with the number
     */
    public void record(List<TrackingEvent> events, String tenantId) {
        TrackingEvent first = events.getFirst();
        if (!events.stream().allMatch(e -> e.carrier().equals(first.carrier()) && e.trackingNumber().equals(first.trackingNumber()))) {
            throw new IllegalArgumentException("record takes the events of one tracking number");
        }
        List<Shipment> shipments = store.findByTracking(first.carrier(), first.trackingNumber()).stream()
                .filter(shipment -> tenantId == null || tenantId.equals(shipment.tenantId()))
                .toList();
        if (shipments.isEmpty()) {
            events.forEach(event -> store.putUnmatched(event, tenantId));
            return;
        }
        for (Shipment shipment : shipments) {
            events.forEach(event -> store.putEvent(shipment.shipmentId(), event));
            refresh(shipment);
        }
    }

    /**
     * Folds the stored events into the shipment, judges its ETA and delay as of now, and announces the
     * new view (and a changed delay verdict) when it changed. The watchdog calls it for shipments that
     * went without a scan, so a verdict reached by the clock alone takes the same path as one from a scan.
     */
    public Shipment refresh(String shipmentId) {
        return refresh(read(shipmentId));
    }

    /**
     * The same, starting from a copy the caller holds (the lookup that found it, the shipment it just
     * created or changed), so the common path reads the shipment once; only a lost race re-reads it.
     */
    public Shipment refresh(Shipment known) {
        String shipmentId = known.shipmentId();
        Shipment current = known;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<TrackingEvent> timeline = store.events(shipmentId);
            Progress progress = ShipmentFold.fold(timeline);
            Outlook outlook = DelayAssessor.outlook(current, progress, estimate(current, progress, timeline, now),
                    settings.cached(current.tenantId()).policyFor(current.carrier()), now);
            Shipment next = current;
            if (!current.showsTheSameAs(progress, outlook)) {
                next = current.withProgress(progress, outlook, now);
                if (!store.update(next, current.version())) {
                    current = read(shipmentId);
                    continue;
                }
                if (next.status() == Status.DELIVERED && current.status() != Status.DELIVERED) {
                    learnTransit(next, timeline);
                    EtaOutcomes.delivered(current.eta(), next);
                }
            }
            if (next.publishedVersion() < next.version()) {
                if (next.status().isTerminal()) {
                    // asked again on every unpublished change of an ended shipment, so a crash here cannot lose it
                    subscriptions.end(shipmentId);
                }
                events.delayChanged(next, next.publishedDelay());
                events.updated(next, TrackingViews.of(next, timeline));
                // A lost race here only means a newer version is being announced by its own writer.
                store.update(next.withPublished(next.version(), next.delayStatus()), next.version());
            }
            return next;
        }
        throw new ConcurrentModificationException("shipment " + shipmentId + " kept changing; the message will be retried");
    }

    private Shipment read(String shipmentId) {
        return store.get(shipmentId).orElseThrow(() -> new IllegalStateException("shipment " + shipmentId + " does not exist"));
    }

    /**
     * The model is read only when the carrier did not say when the parcel arrives, and not once it has. The
     * estimate shown stays until the new one differs noticeably, so a repeated event changes nothing.
     */
    private Optional<EtaWindow> estimate(Shipment shipment, Progress progress, List<TrackingEvent> timeline, Instant now) {
        boolean needsModel = !progress.status().isTerminal() && timeline.stream().noneMatch(e -> e.carrierEta() != null);
        return EtaEstimator.estimate(shipment, progress.status(), timeline, needsModel ? etaModel.engineFor(shipment) : Optional.empty(),
                now).map(fresh -> fresh.differsNoticeablyFrom(shipment.eta()) ? fresh : shipment.eta());
    }

    private void learnTransit(Shipment delivered, List<TrackingEvent> timeline) {
        TrackingEvent delivery = delivered.lastEvent();
        EtaEstimator.handOff(timeline).ifPresent(handOff ->
                etaModel.learn(delivered, handOff, delivery.occurredAt(), ZoneOffset.of(delivery.localOffset())));
    }
}
