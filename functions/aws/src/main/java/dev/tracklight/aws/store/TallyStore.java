package dev.tracklight.aws.store;

import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.analytics.TallyKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * The console's figures per tenant, day, carrier, lane and facility, added to as shipments change: no scan
 * ever computes them. A tenant's figures are spread over {@link Keys#TALLY_SHARDS} partitions so a busy one
 * stays under a partition's write rate; readers query every shard and add them up. Adding is one transaction
 * with the marks of the versions it counts, each guarded by the version counted before, so a repeat (a retry,
 * a second processor) adds nothing twice.
 */
public final class TallyStore {

    private static final String COUNTED_VERSION = "countedVersion";
    private static final String DAY = "day";
    private static final String CARRIER = "carrier";
    private static final String LANE = "lane";
    private static final String FACILITY = "facility";
    private static final Set<String> NOT_COUNTS = Set.of(Keys.PK, Keys.SK, DAY, CARRIER, LANE, FACILITY);
    /** Tries of one transaction against others holding the same items. */
    private static final int MAX_ATTEMPTS = 6;
    /** DynamoDB's limit of items in one transaction. */
    private static final int MAX_TRANSACTION = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public TallyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * A shipment's versions after {@code countedBefore} up to {@code countedThrough}, and what they added.
     *
     * @param countedBefore the last version counted when the shipment was read (0: none)
     */
    public record Addition(String shipmentId, String tenantId, long countedBefore, long countedThrough, Tally tally) {
    }

    static Map<String, AttributeValue> countedKey(String shipmentId) {
        return key(Keys.shipment(shipmentId), Keys.TALLIED);
    }

    static long countedVersion(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey(COUNTED_VERSION) ? 0 : Long.parseLong(item.get(COUNTED_VERSION).n());
    }

    /**
     * Adds these shipments' counts, the shipments of a tenant summed into one item per key, and marks their
     * versions counted, in as few transactions as the limit allows.
     *
     * @return the shipments another writer counted first (their versions count with its next handling)
     */
    public Set<String> add(List<Addition> countings) {
        Set<String> refused = new HashSet<>();
        List<Addition> chunk = new ArrayList<>();
        int items = 0;
        for (Addition counting : countings) {
            int size = 1 + counting.tally().counts().size();
            if (!chunk.isEmpty() && items + size > MAX_TRANSACTION) {
                refused.addAll(addAtOnce(chunk));
                chunk = new ArrayList<>();
                items = 0;
            }
            chunk.add(counting);
            items += size;
        }
        if (!chunk.isEmpty()) {
            refused.addAll(addAtOnce(chunk));
        }
        return refused;
    }

    /**
     * One transaction; when another writer's mark refused some shipments, once more without them; when another
     * transaction held the same items (every processor adds to the same day's items), once more after a pause.
     */
    private Set<String> addAtOnce(List<Addition> countings) {
        Set<String> refused = new HashSet<>();
        List<Addition> left = countings;
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            List<TransactWriteItem> writes = writes(left);
            try {
                dynamo.transactWriteItems(request -> request.transactItems(writes));
                return refused;
            } catch (TransactionCanceledException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                // the marks come first, in the order of left: a refused mark is another writer's count
                List<CancellationReason> reasons = e.cancellationReasons();
                List<Addition> kept = new ArrayList<>();
                for (int i = 0; i < left.size(); i++) {
                    if (i < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        refused.add(left.get(i).shipmentId());
                    } else {
                        kept.add(left.get(i));
                    }
                }
                if (kept.size() == left.size()) {
                    BatchRequests.pause(attempt);
                }
                left = kept;
            }
        }
        return refused;
    }

    /** Each shipment's mark, then the tenants' counts summed per key, all in one shard chosen by the first shipment. */
    private List<TransactWriteItem> writes(List<Addition> countings) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, Tally> byTenant = new LinkedHashMap<>();
        for (Addition counting : countings) {
            writes.add(mark(counting));
            byTenant.merge(counting.tenantId(), counting.tally(), Tally::plus);
        }
        int shard = Math.floorMod(countings.getFirst().shipmentId().hashCode(), Keys.TALLY_SHARDS);
        byTenant.forEach((tenant, tally) -> tally.counts().forEach((key, counts) -> writes.add(addTo(tenant, shard, key, counts))));
        return writes;
    }

    private TransactWriteItem mark(Addition counting) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(countedKey(counting.shipmentId()))
                .updateExpression("SET #counted = :through")
                .conditionExpression("attribute_not_exists(#counted) OR #counted = :before")
                .expressionAttributeNames(Map.of("#counted", COUNTED_VERSION))
                .expressionAttributeValues(Map.of(":through", n(counting.countedThrough()), ":before", n(counting.countedBefore())))
                .build()).build();
    }

    private TransactWriteItem addTo(String tenantId, int shard, TallyKey key, Map<String, Long> counts) {
        Map<String, String> names = new HashMap<>(Map.of("#day", DAY, "#carrier", CARRIER, "#lane", LANE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":day", s(key.day()), ":carrier", s(key.carrier()), ":lane", s(key.lane())));
        StringBuilder set = new StringBuilder("SET #day = :day, #carrier = :carrier, #lane = :lane");
        if (key.isFacility()) {
            names.put("#facility", FACILITY);
            values.put(":facility", s(key.facility()));
            set.append(", #facility = :facility");
        }
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            names.put("#c" + i, count.getKey());
            values.put(":c" + i, n(count.getValue()));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(Keys.tally(tenantId, shard), Keys.tallySort(key)))
                .updateExpression(set + " ADD " + String.join(", ", adds))
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }

    /** A tenant's figures of the days from {@code from} to {@code to}, both included: one query per shard. */
    public Tally read(String tenantId, LocalDate from, LocalDate to) {
        Tally.Builder tally = new Tally.Builder();
        for (int shard = 0; shard < Keys.TALLY_SHARDS; shard++) {
            QueryRequest request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.tally(tenantId, shard)), ":from", s(from + "#"),
                            ":to", s(to + "#\uffff")))
                    .build();
            dynamo.queryPaginator(request).items().forEach(item -> {
                TallyKey key = new TallyKey(string(item, DAY), string(item, CARRIER), string(item, LANE),
                        item.containsKey(FACILITY) ? string(item, FACILITY) : null);
                item.forEach((name, value) -> {
                    if (!NOT_COUNTS.contains(name) && value.n() != null) {
                        tally.add(key, name, Long.parseLong(value.n()));
                    }
                });
            });
        }
        return tally.build();
    }
}
