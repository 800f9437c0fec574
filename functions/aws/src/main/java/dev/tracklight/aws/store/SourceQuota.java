package dev.tracklight.aws.store;

import dev.tracklight.core.carriers.connect.RateLimit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * How many calls a tenant may make to a source in the current window of its rate limit, counted in the table so
 * every function instance shares it ({@code TEN#{tenant}} / {@code QUOTA#{source}#{window start}}, expiring an hour
 * after the window): the source's
 * rate limit is the tenant's, since each tenant calls with its own credentials.
 */
public final class SourceQuota {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public SourceQuota(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Takes one call of the current window's; false when they are all taken. */
    public boolean take(String tenantId, String source, RateLimit limit) {
        Instant window = limit.windowStart(clock.instant());
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.sourceQuota(source, window)))
                    .updateExpression("ADD #calls :one SET #ttl = :expires")
                    .conditionExpression("attribute_not_exists(#calls) OR #calls < :limit")
                    .expressionAttributeNames(Map.of("#calls", "calls", "#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit.calls()),
                            ":expires", n(window.plus(limit.per()).plus(1, ChronoUnit.HOURS).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }
}
