package dev.tracklight.aws.store;

import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.model.Shipment;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * The transit engines: one per tenant ({@code ETA#MODEL#<tenant>}), learning only that tenant's deliveries, and
 * the prior all tenants share ({@code ETA#PRIOR}), which estimates for a tenant until it has enough deliveries of
 * its own. The rules are {@link TransitLessons}'; a tenant's daily share of the prior is counted in a
 * {@code ETA#PRIOR#SHARE#<tenant>#<day>} item that expires after two days.
 */
public final class EtaModelStore {

    private static final String COUNT = "learnt";
    /** Models kept in memory by one instance; an instance serves many tenants. */
    private static final int CACHED_MODELS = 256;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final StoredTransitModel prior;
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
     * Learns one delivery into its tenant's engine, and into the prior while the tenant's share of the day
     * lasts. A delivery {@link TransitLessons#teachable} refuses teaches nothing.
     *
     * @return whether it was learnt
     */
    public synchronized boolean learn(Shipment delivered, Instant handedOver, Instant deliveredAt, ZoneOffset zone) {
        if (!TransitLessons.teachable(handedOver, deliveredAt, clock.instant())) {
            return false;
        }
        tenant(delivered.tenantId()).learn(delivered, handedOver, deliveredAt, zone);
        if (takePriorShare(delivered.tenantId())) {
            prior.learn(delivered, handedOver, deliveredAt, zone);
        }
        return true;
    }

    private StoredTransitModel tenant(String tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new StoredTransitModel(dynamo, table, Keys.ETA_TENANT_MODEL_PREFIX + id, clock));
    }

    /** Counts one more of today's deliveries against the tenant's share of the prior; false when it is used up. */
    private boolean takePriorShare(String tenantId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long expires = clock.instant().plus(Duration.ofDays(2)).getEpochSecond();
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(Keys.ETA_PRIOR_SHARE_PREFIX + tenantId + "#" + today, Keys.META))
                    .updateExpression("ADD #count :one SET #ttl = :expires")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :share")
                    .expressionAttributeNames(Map.of("#count", COUNT, "#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":one", n(1), ":expires", n(expires),
                            ":share", n(TransitLessons.PRIOR_SHARE_PER_DAY))));
            return true;
        } catch (ConditionalCheckFailedException used) {
            return false;
        }
    }
}
