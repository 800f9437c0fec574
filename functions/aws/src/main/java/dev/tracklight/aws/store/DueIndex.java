package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.tracklight.aws.store.Attributes.s;

/**
 * The index every schedule shares ({@link Keys#DUE_INDEX}): a schedule's items carry the sharded hour they are
 * due in and a sort key starting with the due instant, so what is due by now is one query per shard, no scan.
 */
final class DueIndex {

    private DueIndex() {
    }

    /** The index's items under {@code buckets} (the shards of one hour) that are due by {@code now}. */
    static Stream<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamo, String table, List<String> buckets, Instant now) {
        return buckets.stream().flatMap(bucket -> dynamo.queryPaginator(request -> request.tableName(table).indexName(Keys.DUE_INDEX)
                        .keyConditionExpression("#pk = :hour AND #sk <= :now")
                        .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#sk", Keys.DUE_SK))
                        .expressionAttributeValues(Map.of(":hour", s(bucket), ":now", s(now + "#~"))))
                .items().stream());
    }
}
