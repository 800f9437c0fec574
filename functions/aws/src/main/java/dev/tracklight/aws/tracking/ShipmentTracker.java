package dev.tracklight.aws.tracking;

import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.bus.ShipmentEvents.Outgoing;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.AnnouncementStore;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.ShipmentStore.Announcing;
import dev.tracklight.aws.store.ShipmentStore.Tallied;
import dev.tracklight.aws.store.TallyStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.core.analytics.JourneyTally;
import dev.tracklight.core.analytics.JourneyTally.Counted;
import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.eta.EtaEstimator;
import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Progress;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.tracking.Announced;
import dev.tracklight.core.tracking.Decision;
import dev.tracklight.core.tracking.ShipmentDecisions;
import dev.tracklight.core.view.TrackingViews;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps shipments in step with their events, a batch at a time: per shipment, its new events are written
 * (one BatchWriteItem), folded onto what the shipment already holds, and the shipment written once, guarded
 * by its version; then every changed shipment of the batch is announced in batched PutEvents and marked
 * announced in one more batch write. Each step is safe to repeat: events are written before the version
 * that folds them, so a retry finds them newer than the shipment (folded then) or sees them in the timeline
 * it folds again; a version written but not announced is announced by whoever handles the shipment next.
 */
public final class ShipmentTracker {

    /** Tries against concurrent writers of one shipment, each after a random pause that grows, so they stop colliding. */
    private static final int MAX_ATTEMPTS = 8;
    private static final long FIRST_PAUSE_MILLIS = 5;

    private final ShipmentStore store;
    private final TimelineStore timeline;
    private final AnnouncementStore announced;
    private final TallyStore tallies;
    private final EtaModelStore etaModel;
    private final TenantSettingsStore settings;
    private final ShipmentEvents events;
    private final SubscriptionRequests subscriptions;
    private final Clock clock;

    public ShipmentTracker(ShipmentStore store, TimelineStore timeline, AnnouncementStore announced, TallyStore tallies, EtaModelStore etaModel,
                           TenantSettingsStore settings, ShipmentEvents events, SubscriptionRequests subscriptions, Clock clock) {
        this.store = store;
        this.timeline = timeline;
        this.announced = announced;
        this.tallies = tallies;
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
        return new ShipmentTracker(new ShipmentStore(aws.dynamoDb(), table), new TimelineStore(aws.dynamoDb(), table, clock),
                new AnnouncementStore(aws.dynamoDb(), table), new TallyStore(aws.dynamoDb(), table), new EtaModelStore(aws.dynamoDb(), table, clock), settings,
                new ShipmentEvents(aws.eventBridge(), env.require("EVENT_BUS_NAME")),
                new SubscriptionRequests(aws.sqs(), env.require("SUBSCRIPTIONS_QUEUE_URL")), clock);
    }

    /**
     * The events of one tracking number as received through one endpoint.
     *
     * @param tenantId the tenant whose webhook endpoint received them: only its shipments take them, so one
     *                 merchant's credentials cannot move another's parcels; null for a platform-wide endpoint,
     *                 whose events belong to every shipment with the number
     * @param correlationId the journey the changes they make are announced under
     */
    public record NumberEvents(String carrier, String trackingNumber, String tenantId, List<TrackingEvent> events, String correlationId) {
    }

    /**
     * Adds each number's events to every shipment registered for it, or keeps them until one registers, and
     * announces what changed.
     *
     * @return the numbers whose events were not (fully) taken, with why: the caller retries them, and
     *         repeating the ones that were taken changes nothing
     */
    public Map<NumberEvents, RuntimeException> recordAll(List<NumberEvents> batch) {
        Map<NumberEvents, RuntimeException> failed = new LinkedHashMap<>();
        // one lookup query per number, then one batch read of all their shipments and what was announced of them
        Map<NumberEvents, List<String>> idsOf = new LinkedHashMap<>();
        for (NumberEvents number : batch) {
            try {
                idsOf.put(number, store.idsByTracking(number.carrier(), number.trackingNumber()));
            } catch (RuntimeException e) {
                failed.put(number, e);
            }
        }
        Map<String, Announcing> read;
        try {
            read = store.getAllAnnouncing(idsOf.values().stream().flatMap(List::stream).distinct().toList());
        } catch (RuntimeException e) {
            idsOf.keySet().forEach(number -> failed.put(number, e));
            return failed;
        }
        Map<String, Written> written = new LinkedHashMap<>();
        Map<String, List<NumberEvents>> causes = new HashMap<>();
        idsOf.forEach((number, ids) -> {
            try {
                for (Written shipment : take(number, ids.stream().map(read::get).filter(Objects::nonNull).toList())) {
                    written.merge(shipment.shipment().shipmentId(), shipment, Written::then);
                    causes.computeIfAbsent(shipment.shipment().shipmentId(), id -> new ArrayList<>()).add(number);
                }
            } catch (RuntimeException e) {
                failed.put(number, e);
            }
        });
        Map<String, Announced> last = new HashMap<>();
        read.forEach((id, announcing) -> last.put(id, announcing.announced()));
        Map<String, RuntimeException> notAnnounced;
        try {
            notAnnounced = announce(written.values(), last);
        } catch (RuntimeException e) {
            notAnnounced = new HashMap<>();
            for (String shipmentId : written.keySet()) {
                notAnnounced.put(shipmentId, e);
            }
        }
        notAnnounced.forEach((shipmentId, why) -> causes.get(shipmentId).forEach(number -> failed.putIfAbsent(number, why)));
        count(written.values());
        return failed;
    }

    /** Adds events to one shipment (those that waited for its registration, the merchant's cancellation) and announces it. */
    public Shipment add(Shipment known, Collection<TrackingEvent> added) {
        // events are counted: the shipment is read with where its counts stand
        Announcing current = store.getAllAnnouncing(List.of(known.shipmentId())).get(known.shipmentId());
        Written written = current == null ? apply(known, null, added, Telemetry.correlationId())
                : apply(current.shipment(), current.tallied(), added, Telemetry.correlationId());
        count(List.of(written));
        return announceOne(written);
    }

    /**
     * Judges the shipment's ETA and delay as of now and announces what changed or was not announced yet. The
     * watchdog calls it for shipments that went without a scan, so a verdict reached by the clock alone takes
     * the same path as one from a scan.
     */
    public Shipment refresh(String shipmentId) {
        return refresh(read(shipmentId));
    }

    /** The same, from a copy the caller holds, so the common path reads the shipment once; only a lost race re-reads it. */
    public Shipment refresh(Shipment known) {
        // no events, nothing to count: the counting state stays as stored
        return announceOne(apply(known, null, List.of(), Telemetry.correlationId()));
    }

    /** @param registered the shipments registered for the number, whoever's */
    private List<Written> take(NumberEvents number, List<Announcing> registered) {
        List<Announcing> shipments = registered.stream()
                .filter(read -> number.tenantId() == null || number.tenantId().equals(read.shipment().tenantId()))
                .toList();
        if (shipments.isEmpty()) {
            number.events().forEach(event -> timeline.putUnmatched(event, number.tenantId()));
        }
        return shipments.stream().map(read -> apply(read.shipment(), read.tallied(), number.events(), number.correlationId())).toList();
    }

    private Shipment announceOne(Written written) {
        String id = written.shipment().shipmentId();
        var refused = announce(List.of(written), announced.of(List.of(id)));
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
        return written.shipment();
    }

    /**
     * The shipment as written, the events that write added to its timeline, the journey that changed it, and
     * where its counts stand (null when the writer did not read them: it counted nothing).
     */
    private record Written(Shipment shipment, List<TrackingEvent> added, String correlationId, Tallied tallied) {

        /** This write followed by a later one of the same shipment in the same batch. */
        Written then(Written later) {
            return new Written(later.shipment(), Stream.concat(added.stream(), later.added().stream()).toList(), later.correlationId(),
                    later.tallied() != null ? later.tallied() : tallied);
        }
    }

    /**
     * Writes the events the shipment does not hold yet, then the shipment they make with what they add to the
     * figures, once; a lost race reads the shipment again and decides again.
     *
     * @param tallied where the shipment's counts stand; null only when no events arrived (nothing to count)
     */
    private Written apply(Shipment known, Tallied tallied, Collection<TrackingEvent> arrived, String correlationId) {
        Shipment current = known;
        Tallied counts = tallied;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Added added = progressWith(current, counts, arrived);
            Progress progress = added.progress();
            Optional<TransitEngine> engine = EtaEstimator.mayUseEngine(progress) ? etaModel.engineFor(current) : Optional.empty();
            Decision decision = ShipmentDecisions.decide(current, progress, engine,
                    settings.cached(current.tenantId()).policyFor(current.carrier()), clock.instant());
            // the lesson is kept before the shipment that delivers it, so a crash between the two loses neither
            decision.delivery().filter(delivery -> delivery.handOff() != null)
                    .flatMap(delivery -> TransitLessons.lesson(decision.next(), delivery.handOff(), delivery.deliveredAt(),
                            delivery.localOffset(), clock.instant()))
                    .ifPresent(etaModel::keep);
            Tallied next = counts == null ? null : new Tallied(added.counted().tail(), counts.uncounted().after(counts.countedVersion())
                    .with(decision.next().version(), added.counted().tally().plus(decision.outcomes()), clock.instant()), counts.countedVersion());
            if (decision.changed() && !(next == null ? store.update(decision.next(), current.version())
                    : store.update(decision.next(), current.version(), next.tail(), next.uncounted()))) {
                pause(attempt);
                Announcing again = store.getAllAnnouncing(List.of(current.shipmentId())).get(current.shipmentId());
                if (again == null) {
                    throw new IllegalStateException("shipment " + current.shipmentId() + " does not exist");
                }
                current = again.shipment();
                counts = counts == null ? null : again.tallied();
                continue;
            }
            decision.delivery().ifPresent(delivery -> EtaOutcomes.delivered(delivery.lastEstimate(), decision.next()));
            return new Written(decision.next(), added.events(), correlationId, decision.changed() ? next : counts);
        }
        throw new ConcurrentModificationException("shipment " + current.shipmentId() + " kept changing; the message will be retried");
    }

    /**
     * The progress with the events that arrived: folded onto the shipment's own when they are all newer than
     * its newest (the common case: no timeline read), else the fold of its whole timeline and them. Either
     * way they are written first, so a retry after a crash finds them. Counted the same way: from the tail of
     * what was counted, or as the timeline with them against the timeline without.
     */
    private Added progressWith(Shipment shipment, Tallied counts, Collection<TrackingEvent> arrived) {
        Progress progress = shipment.progress();
        TrackingEvent newest = progress.lastEvent();
        // the newest folded event is in the timeline already: a carrier's repeat of it costs nothing
        List<TrackingEvent> unseen = arrived.stream().filter(event -> newest == null || !event.eventId().equals(newest.eventId())).toList();
        boolean counting = counts != null && !unseen.isEmpty();
        if (ShipmentFold.canAdvance(progress, unseen) && (!counting || counts.tail() != null)) {
            timeline.putAll(shipment.shipmentId(), unseen);
            return new Added(ShipmentFold.advance(progress, unseen), unseen,
                    counting ? JourneyTally.appended(shipment, counts.tail(), unseen, clock.instant()) : unchanged(counts));
        }
        List<TrackingEvent> stored = timeline.all(shipment.shipmentId());
        Set<String> storedIds = stored.stream().map(TrackingEvent::eventId).collect(Collectors.toSet());
        List<TrackingEvent> missing = unseen.stream().filter(event -> !storedIds.contains(event.eventId())).toList();
        timeline.putAll(shipment.shipmentId(), missing);
        return new Added(ShipmentFold.fold(Stream.concat(stored.stream(), missing.stream()).toList()), unseen,
                counting ? JourneyTally.inserted(shipment, stored, missing, clock.instant()) : unchanged(counts));
    }

    private static Counted unchanged(Tallied counts) {
        return new Counted(Tally.EMPTY, counts == null ? null : counts.tail());
    }

    /**
     * The progress with the events that arrived, the events to show with it (all that arrived, even those
     * another writer stored first: its announcement may not have shown them; a page merges repeats away), and
     * what they add to the figures.
     */
    private record Added(Progress progress, List<TrackingEvent> events, Counted counted) {
    }

    /**
     * Adds to the figures what the written shipments hold uncounted, where it is due. A shipment another writer
     * counted first is read again and what is left of it counted; what a failed request did not add stays with
     * the shipment for its next handling, so counts may lag, never go missing or double.
     */
    private void count(Collection<Written> written) {
        List<TallyStore.Addition> due = written.stream()
                .filter(w -> w.tallied() != null && w.tallied().uncounted().dueAt(clock.instant()))
                .map(w -> addition(w.shipment(), w.tallied()))
                .toList();
        try {
            for (int attempt = 1; !due.isEmpty(); attempt++) {
                Set<String> refused = tallies.add(due);
                if (refused.isEmpty() || attempt == MAX_ATTEMPTS) {
                    return;
                }
                pause(attempt);
                due = store.getAllAnnouncing(List.copyOf(refused)).values().stream()
                        .filter(read -> !read.tallied().uncounted().isEmpty())
                        .map(read -> addition(read.shipment(), read.tallied()))
                        .toList();
            }
        } catch (RuntimeException e) {
            Telemetry.warn("figures not added; they stay with their shipments for the next handling", "shipments", due.size(), "error", e.toString());
        }
    }

    private static TallyStore.Addition addition(Shipment shipment, Tallied tallied) {
        return new TallyStore.Addition(shipment.shipmentId(), shipment.tenantId(), tallied.countedVersion(),
                tallied.uncounted().lastVersion(), tallied.uncounted().total());
    }

    /**
     * Announces the shipments whose version was not announced yet, in batched PutEvents, ends the subscriptions
     * of those that ended, and marks them announced in one batch write. A view announced holds the checkpoints
     * its change added, not the whole timeline: a page merges them into what it shows (and asks for the whole
     * view when it finds a gap), so announcing reads nothing and costs the same on any length of history.
     *
     * @param last what was last announced of each shipment
     * @return the shipments that could not be announced, with why
     */
    private Map<String, RuntimeException> announce(Collection<Written> written, Map<String, Announced> last) {
        Map<String, RuntimeException> failed = new HashMap<>();
        List<Outgoing> outgoing = new ArrayList<>();
        for (Written w : written) {
            Shipment shipment = w.shipment();
            ShipmentDecisions.announcement(shipment, last.getOrDefault(shipment.shipmentId(), Announced.NOTHING))
                    .ifPresent(a -> outgoing.add(new Outgoing(a, TrackingViews.of(shipment, w.added()), w.correlationId())));
        }
        if (outgoing.isEmpty()) {
            return failed;
        }
        Set<String> refused = events.announce(outgoing);
        refused.forEach(id -> failed.put(id, new IllegalStateException("the bus refused the announcement of shipment " + id)));
        Map<String, Announced> marks = new LinkedHashMap<>();
        for (Outgoing out : outgoing) {
            Shipment shipment = out.announcement().shipment();
            if (refused.contains(shipment.shipmentId())) {
                continue;
            }
            if (out.announcement().endSubscription()) {
                subscriptions.end(shipment.shipmentId());
            }
            marks.put(shipment.shipmentId(), out.announcement().marks());
        }
        announced.mark(marks);
        return failed;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(FIRST_PAUSE_MILLIS << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another writer changed the shipment", e);
        }
    }

    private Shipment read(String shipmentId) {
        return store.get(shipmentId).orElseThrow(() -> new IllegalStateException("shipment " + shipmentId + " does not exist"));
    }
}
