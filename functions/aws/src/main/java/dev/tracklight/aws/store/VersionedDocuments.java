package dev.tracklight.aws.store;

import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Items that hold one JSON document and a version number, changed with optimistic concurrency: a change
 * is computed from the item as read and written only if nobody wrote in between, else computed again.
 * {@code indexAttributes} gives the index keys (and TTL) an item carries for its current value; an
 * attribute it no longer gives is removed with the next write.
 */
final class VersionedDocuments<T> {

    private static final String DOC = "doc";
    private static final String VERSION = "version";
    private static final int MAX_CHANGE_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Class<T> type;
    private final Function<T, Map<String, AttributeValue>> indexAttributes;

    VersionedDocuments(DynamoDbClient dynamo, String table, Class<T> type, Function<T, Map<String, AttributeValue>> indexAttributes) {
        this.dynamo = dynamo;
        this.table = table;
        this.type = type;
        this.indexAttributes = indexAttributes;
    }

    /** Writes a new item; false when one exists under the key already (it is left as it is). */
    boolean create(Map<String, AttributeValue> key, T value) {
        try {
            dynamo.putItem(request -> request.tableName(table).item(item(key, value, 1)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    Optional<T> get(Map<String, AttributeValue> key) {
        return read(key).map(Versioned::value);
    }

    /**
     * Applies {@code change} to the item as stored, again if another writer got there first.
     *
     * @return what was written; empty when there is no item or {@code change} declined
     * @throws ConcurrentModificationException when the item kept changing
     */
    Optional<T> change(Map<String, AttributeValue> key, Function<T, Optional<T>> change) {
        for (int attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
            Optional<Versioned<T>> before = read(key);
            Optional<T> after = before.flatMap(versioned -> change.apply(versioned.value()));
            if (after.isEmpty()) {
                return Optional.empty();
            }
            long expected = before.get().version();
            try {
                dynamo.putItem(request -> request.tableName(table).item(item(key, after.get(), expected + 1))
                        .conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":expected", n(expected))));
                return after;
            } catch (ConditionalCheckFailedException e) {
                // another writer won; read what it wrote and apply the change to that
            }
        }
        throw new ConcurrentModificationException("item " + key + " kept changing");
    }

    /** Deletes the item; false when there was none. */
    boolean delete(Map<String, AttributeValue> key) {
        var old = dynamo.deleteItem(request -> request.tableName(table).key(key).returnValues("ALL_OLD")).attributes();
        return old != null && !old.isEmpty();
    }

    /** The documents of all items under {@code pk} whose sort key begins with {@code skPrefix}, in key order. */
    List<T> query(String pk, String skPrefix) {
        return dynamo.queryPaginator(request -> request.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(skPrefix))))
                .items().stream().map(item -> Json.read(string(item, DOC), type)).toList();
    }

    /** The documents of these keys that exist, in the order asked. */
    List<T> getAll(List<Map<String, AttributeValue>> keys) {
        Map<String, T> found = new HashMap<>();
        BatchRequests.getAll(dynamo, table, keys).forEach(item -> found.put(keyString(item), Json.read(string(item, DOC), type)));
        List<T> inOrder = new ArrayList<>();
        keys.stream().map(VersionedDocuments::keyString).distinct().filter(found::containsKey).forEach(key -> inOrder.add(found.get(key)));
        return inOrder;
    }

    private static String keyString(Map<String, AttributeValue> item) {
        return string(item, Keys.PK) + "\n" + string(item, Keys.SK);
    }

    private Optional<Versioned<T>> read(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Versioned<>(Json.read(string(item, DOC), type), Long.parseLong(item.get(VERSION).n())));
    }

    private Map<String, AttributeValue> item(Map<String, AttributeValue> key, T value, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(DOC, s(Json.write(value)));
        item.put(VERSION, n(version));
        item.putAll(indexAttributes.apply(value));
        return item;
    }

    private record Versioned<T>(T value, long version) {
    }
}
