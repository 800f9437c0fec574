package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.core.eta.TransitLesson;
import dev.tracklight.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Deliveries waiting to be learnt: one item per shipment ({@code SHP#{id}} / {@code LESSON}) in the due-hour
 * index under {@code LEARN#{hour}#{shard}} until the learner teaches it; then it stays as a mark without the
 * index attributes, so a redelivered message cannot teach the same delivery twice.
 */
final class LessonStore {

    /** How far back a learner looks the first time, before any read has marked where the next starts. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofHours(24);
    /** A lesson or its mark outlives any redelivery of the message that kept it (SQS keeps one at most 14 days). */
    private static final Duration KEPT = Duration.ofDays(15);
    private static final String BODY = "lesson";
    private static final String LEARNT_AT = "learntAt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DueIndex due;

    LessonStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.due = new DueIndex(dynamo, table, "lessons", Keys::lessonHourShards);
    }

    private record Kept(Instant at, TransitLesson lesson) {
    }

    /** Keeps the lesson unless its shipment's is kept or learnt already. */
    void keep(TransitLesson lesson, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.shipment(lesson.shipmentId()), Keys.LESSON));
        item.put(BODY, s(Json.write(lesson)));
        item.put(Keys.DUE_PK, s(Keys.lessonHour(now, lesson.shipmentId())));
        item.put(Keys.DUE_SK, s(now + "#" + lesson.shipmentId()));
        item.put(Keys.TTL, n(now.plus(KEPT).getEpochSecond()));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)));
        } catch (ConditionalCheckFailedException keptBefore) {
            // the same delivery, processed again: one lesson is enough
        }
    }

    /**
     * The lessons not learnt yet, in the order they were kept, from the hour of the oldest one the last read found
     * (so a learner that was down for days finds all it missed, and a running one reads an hour or two, not a
     * day); what was kept longer ago than a lesson lives is gone anyway.
     */
    List<TransitLesson> waiting(Instant now, Deadline deadline) {
        List<Map<String, AttributeValue>> keys = due.dueBy(now, FIRST_LOOK_BACK, KEPT, Integer.MAX_VALUE, deadline).stream()
                .map(item -> key(string(item, Keys.PK), string(item, Keys.SK)))
                .toList();
        return BatchRequests.getAll(dynamo, table, keys).stream()
                .filter(item -> item.containsKey(Keys.DUE_PK)) // learnt since the index was read
                .map(item -> new Kept(Instant.parse(string(item, Keys.DUE_SK).split("#", 2)[0]), Json.read(string(item, BODY), TransitLesson.class)))
                // the engine weighs recent deliveries more: it learns them in the order they happened
                .sorted(Comparator.comparing(Kept::at).thenComparing(kept -> kept.lesson().deliveredAt()))
                .map(Kept::lesson)
                .toList();
    }

    /** The write that marks a lesson learnt, in the transaction that teaches it; it fails if another learner did. */
    TransactWriteItem learnt(TransitLesson lesson, Instant now) {
        return TransactWriteItem.builder().update(update -> update.tableName(table).key(key(Keys.shipment(lesson.shipmentId()), Keys.LESSON))
                .updateExpression("REMOVE #duePk, #dueSk, #body SET #learntAt = :now")
                .conditionExpression("attribute_exists(#duePk)")
                .expressionAttributeNames(Map.of("#duePk", Keys.DUE_PK, "#dueSk", Keys.DUE_SK, "#body", BODY, "#learntAt", LEARNT_AT))
                .expressionAttributeValues(Map.of(":now", s(now.toString())))).build();
    }
}
