package dev.tracklight.aws.store;

import dev.tracklight.aws.schedule.Deadline;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * One schedule in the index every schedule shares ({@link Keys#DUE_INDEX}): its items carry the sharded hour they
 * are due in and a sort key starting with the due instant, so what is due by now is one query per shard and hour,
 * no scan.
 * <p>
 * A reader handles what it finds due, and handling moves an item to a later hour or off the index. So the schedule
 * keeps a mark ({@code MARK#{schedule}} / {@code META}): the oldest hour that still held anything due at the last
 * read. The next read starts there: a running reader queries this hour (and the one before in an hour's first
 * minutes), not its whole look-back (17 partitions an hour), and one that was down, or left something unhandled, still finds it. This holds because
 * every writer files an item under a time from when it read its clock on (a next attempt, a lease, a verdict's
 * next check, the moment a lesson is kept), and writes it within {@link #SETTLED} of reading it.
 */
final class DueIndex {

    /**
     * How long after a writer read its clock its item may land: no invocation outlives Lambda's longest timeout (15
     * minutes), and clocks differ by far less. A read marks no hour that such an item could still be filed under.
     */
    private static final Duration SETTLED = Duration.ofMinutes(15);
    private static final String FROM = "from";
    /** How many hours a walk reads between the marks it keeps as it goes. */
    private static final int CHECKPOINT_HOURS = 6;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> markKey;
    private final Function<Instant, List<String>> shardsOfHour;

    /**
     * @param schedule     the schedule's name, for its mark
     * @param shardsOfHour the partitions one hour of the schedule is spread over
     */
    DueIndex(DynamoDbClient dynamo, String table, String schedule, Function<Instant, List<String>> shardsOfHour) {
        this.dynamo = dynamo;
        this.table = table;
        this.markKey = key(Keys.dueMark(schedule), Keys.META);
        this.shardsOfHour = shardsOfHour;
    }

    /** Every item due by {@code now}, reading {@code lookBack} at most and at first, no hour after {@code deadline}. */
    List<Map<String, AttributeValue>> dueBy(Instant now, Duration lookBack, Deadline deadline) {
        return dueBy(now, lookBack, lookBack, Integer.MAX_VALUE, deadline);
    }

    /**
     * The items due by {@code now}, oldest hour first, {@code limit} at most, from the hour the last read marked.
     *
     * @param firstLook how far back to read when no read has marked an hour yet
     * @param longest   how far back a mark is followed: what is older has expired or been given up
     * @param deadline  when the walk stops reading further hours; the mark then keeps the first hour it did not read
     */
    List<Map<String, AttributeValue>> dueBy(Instant now, Duration firstLook, Duration longest, int limit, Deadline deadline) {
        Instant newest = now.truncatedTo(ChronoUnit.HOURS);
        Optional<Instant> mark = mark();
        // a mark after this hour was left by a clock ahead of ours (a test's): it says nothing about our hours
        Instant from = mark.filter(hour -> !hour.isAfter(newest)).orElse(newest.minus(firstLook));
        if (from.isBefore(newest.minus(longest))) {
            from = newest.minus(longest);
        }
        Instant settled = now.minus(SETTLED).truncatedTo(ChronoUnit.HOURS);
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        Optional<Instant> marked = mark;
        Instant oldestHeld = null;
        Instant unread = null;
        int read = 0;
        for (Instant hour = from; !hour.isAfter(newest) && due.size() < limit; hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (deadline.passed()) {
                unread = hour;
                break;
            }
            List<Map<String, AttributeValue>> held = dueIn(hour, now);
            held.stream().limit(limit - due.size()).forEach(due::add);
            if (oldestHeld == null && !held.isEmpty()) {
                oldestHeld = hour;
            }
            // a long walk (a first read, a reader back from an outage) keeps its progress as it goes: a run cut short
            // by its timeout does not leave the next one to start the whole walk again
            Instant past = hour.plus(1, ChronoUnit.HOURS);
            if (++read % CHECKPOINT_HOURS == 0 && oldestHeld == null && past.isBefore(settled)) {
                marked = mark(marked, past);
            }
        }
        Instant next = oldestHeld != null ? oldestHeld : unread != null ? unread : settled;
        mark(marked, next.isBefore(settled) ? next : settled);
        return due;
    }

    /** Marks where the next read starts, unless it already does. */
    private Optional<Instant> mark(Optional<Instant> marked, Instant next) {
        if (!marked.equals(Optional.of(next))) {
            Map<String, AttributeValue> item = new HashMap<>(markKey);
            item.put(FROM, s(next.toString()));
            dynamo.putItem(request -> request.tableName(table).item(item));
        }
        return Optional.of(next);
    }

    /** What is due by {@code now} in the hour's partitions, one query each. */
    private List<Map<String, AttributeValue>> dueIn(Instant hour, Instant now) {
        return shardsOfHour.apply(hour).stream().flatMap(bucket -> dynamo.queryPaginator(request -> request.tableName(table)
                        .indexName(Keys.DUE_INDEX)
                        .keyConditionExpression("#pk = :hour AND #sk <= :now")
                        .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#sk", Keys.DUE_SK))
                        .expressionAttributeValues(Map.of(":hour", s(bucket), ":now", s(now + "#~")))).items().stream())
                .toList();
    }

    private Optional<Instant> mark() {
        var item = dynamo.getItem(request -> request.tableName(table).key(markKey).consistentRead(true)).item();
        return item == null || !item.containsKey(FROM) ? Optional.empty() : Optional.of(Instant.parse(string(item, FROM)));
    }
}
