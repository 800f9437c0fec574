package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.core.eta.TransitLesson;
import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.model.Shipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * The transit engines: one per tenant ({@code ETA#MODEL#<tenant>}), learning only that tenant's deliveries, and
 * the prior all tenants share ({@code ETA#PRIOR}), which estimates for a tenant until it has enough deliveries of
 * its own. The rules are {@link TransitLessons}'; a tenant's daily share of the prior is counted in a
 * {@code ETA#PRIOR#SHARE#<tenant>#<day>} item that expires after two days. Deliveries are kept as lessons and
 * taught in batches by the learner ({@link #learnWaiting}), so no model item is written once per delivery.
 */
public final class EtaModelStore {

    private static final String COUNT = "learnt";
    /** Models kept in memory by one instance; an instance serves many tenants. */
    private static final int CACHED_MODELS = 256;
    /** A transaction holds 100 writes: the tenant's engine, the prior, the share counter and this many lessons' marks. */
    private static final int LESSONS_PER_TRANSACTION = 97;
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final StoredTransitModel prior;
    private final LessonStore lessons;
    private final Map<String, StoredTransitModel> tenants = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredTransitModel> eldest) {
            return size() > CACHED_MODELS;
        }
    };

    public EtaModelStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.prior = new StoredTransitModel(dynamo, table, Keys.ETA_PRIOR, clock);
        this.lessons = new LessonStore(dynamo, table);
    }

    /** The engine that estimates for this shipment's tenant: its own once it has learnt enough, else the prior. */
    public synchronized Optional<TransitEngine> engineFor(Shipment shipment) {
        Optional<TransitEngine> own = tenant(shipment.tenantId()).engineFor(shipment);
        if (own.isPresent() && TransitLessons.ownEngineEstimates(own.get().deliveries())) {
            return own;
        }
        Optional<TransitEngine> shared = prior.engineFor(shipment);
        return shared.isPresent() ? shared : own;
    }

    /**
     * Keeps a delivery's lesson for the learner, once per shipment: the processor writes one small item per
     * delivery and never the models every delivery of a tenant (and of all tenants, for the prior) would share.
     */
    public void keep(TransitLesson lesson) {
        lessons.keep(lesson, clock.instant());
    }

    /**
     * Teaches the lessons kept and not learnt yet: per tenant, a chunk at a time, its engine, the prior (within
     * the tenant's share of the day) and the lessons' marks in one transaction, so each lesson is taught exactly
     * once; a chunk another learner changed under it is read and taught again. None is started once {@code deadline}
     * has passed: the rest wait, kept, for the next run.
     *
     * @return the lessons taught
     */
    public synchronized int learnWaiting(Deadline deadline) {
        List<TransitLesson> waiting = lessons.waiting(clock.instant(), deadline);
        Map<String, List<TransitLesson>> byTenant = waiting.stream()
                .collect(Collectors.groupingBy(TransitLesson::tenantId, LinkedHashMap::new, Collectors.toList()));
        int taught = 0;
        for (var tenant : byTenant.entrySet()) {
            List<TransitLesson> all = tenant.getValue();
            for (int from = 0; from < all.size() && !deadline.passed(); from += LESSONS_PER_TRANSACTION) {
                taught += learn(tenant.getKey(), all.subList(from, Math.min(from + LESSONS_PER_TRANSACTION, all.size())));
            }
        }
        return taught;
    }

    private int learn(String tenantId, List<TransitLesson> chunk) {
        StoredTransitModel own = tenant(tenantId);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            StoredTransitModel.Saved ownSaved = own.latest();
            String shareKey = Keys.ETA_PRIOR_SHARE_PREFIX + tenantId + "#" + LocalDate.ofInstant(now, ZoneOffset.UTC);
            long shareUsed = shareUsed(shareKey);
            List<TransitLesson> forPrior = chunk.subList(0, (int) Math.max(0, Math.min(chunk.size(), TransitLessons.PRIOR_SHARE_PER_DAY - shareUsed)));
            // the prior, the largest item, is read only while the tenant's share of the day lasts
            StoredTransitModel.Saved priorSaved = forPrior.isEmpty() ? null : prior.latest();
            TransitEngine.Snapshot ownLearnt = TransitLessons.teach(ownSaved == null ? null : ownSaved.snapshot(), chunk);
            TransitEngine.Snapshot priorLearnt = forPrior.isEmpty() ? null
                    : TransitLessons.teach(priorSaved == null ? null : priorSaved.snapshot(), forPrior);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(own.put(ownLearnt, ownSaved));
            if (priorLearnt != null) {
                writes.add(prior.put(priorLearnt, priorSaved));
                writes.add(takeShare(shareKey, shareUsed, forPrior.size(), now));
            }
            chunk.forEach(lesson -> writes.add(lessons.learnt(lesson, now)));
            try {
                dynamo.transactWriteItems(request -> request.transactItems(writes));
            } catch (TransactionCanceledException changedUnderUs) {
                continue;
            }
            own.learnt(ownLearnt, ownSaved);
            if (priorLearnt != null) {
                prior.learnt(priorLearnt, priorSaved);
            }
            return chunk.size();
        }
        // left kept: the next run teaches them
        return 0;
    }

    private StoredTransitModel tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new StoredTransitModel(dynamo, table, Keys.ETA_TENANT_MODEL_PREFIX + id, clock));
    }

    private long shareUsed(String shareKey) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(shareKey, Keys.META)).consistentRead(true)).item();
        return item == null || !item.containsKey(COUNT) ? 0 : Long.parseLong(item.get(COUNT).n());
    }

    /** Counts {@code taken} more of today's deliveries against the tenant's share of the prior, if none were since it was read. */
    private TransactWriteItem takeShare(String shareKey, long used, int taken, Instant now) {
        long expires = now.plus(Duration.ofDays(2)).getEpochSecond();
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(shareKey, Keys.META))
                .updateExpression("ADD #count :taken SET #ttl = :expires")
                .conditionExpression(used == 0 ? "attribute_not_exists(#count)" : "#count = :used")
                .expressionAttributeNames(Map.of("#count", COUNT, "#ttl", Keys.TTL))
                .expressionAttributeValues(used == 0 ? Map.of(":taken", n(taken), ":expires", n(expires))
                        : Map.of(":taken", n(taken), ":expires", n(expires), ":used", n(used)))).build();
    }
}
