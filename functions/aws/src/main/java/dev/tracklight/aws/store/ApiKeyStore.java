package dev.tracklight.aws.store;

import dev.tracklight.core.ids.Sha256;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * Merchant API keys. Only a key's SHA-256 is stored: a leaked table does not leak keys. Each key has a
 * public prefix ({@code tl_} and 8 characters of the key) by which its tenant lists, rotates and revokes it.
 * Two items per key, written together: {@code KEY#{hash}} for authentication, {@code TEN#{tenant}} /
 * {@code KEY#{prefix}} for the tenant's listing.
 */
public final class ApiKeyStore {

    /** What a key may do: every key reads and writes its tenant's shipments; an admin key also manages keys. */
    public enum Role { STANDARD, ADMIN }

    /** A key as listed: never the key itself. {@code expiresAt} is set on a key rotated with a grace period. */
    public record ApiKey(String prefix, String tenantId, Role role, Instant createdAt, Instant expiresAt) {
    }

    /** A new key: the only time {@code secret} is seen. */
    public record IssuedKey(String secret, ApiKey key) {
    }

    private static final String TENANT_ID = "tenantId";
    private static final String PREFIX = "prefix";
    private static final String ROLE = "role";
    private static final String HASH = "keyHash";
    private static final String CREATED_AT = "createdAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final int PREFIX_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ApiKeyStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public ApiKeyStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    /** A standard key for the tenant, returned once. */
    public String issue(String tenantId) {
        return issue(tenantId, Role.STANDARD).secret();
    }

    public IssuedKey issue(String tenantId, Role role) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = "tl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey(apiKey.substring(0, 3 + PREFIX_CHARS), tenantId, role, clock.instant(), null);
        String hash = Sha256.hex(apiKey);
        dynamo.transactWriteItems(request -> request.transactItems(
                put(authItem(hash, key), "attribute_not_exists(pk)"),
                put(listingItem(hash, key), "attribute_not_exists(pk)")));
        return new IssuedKey(apiKey, key);
    }

    /** The key's record, unless it is unknown, revoked or past its grace period. */
    public Optional<ApiKey> find(String apiKey) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.apiKey(Sha256.hex(apiKey)), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(apiKey(item)).filter(key -> key.expiresAt() == null || clock.instant().isBefore(key.expiresAt()));
    }

    /** The tenant's keys, oldest first. */
    public List<ApiKey> list(String tenantId) {
        return dynamo.queryPaginator(request -> request.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :keys)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(tenantId)), ":keys", s(Keys.API_KEY_PREFIX))))
                .items().stream().map(ApiKeyStore::apiKey)
                .sorted(Comparator.comparing(ApiKey::createdAt)).toList();
    }

    /**
     * Issues a key of the same role in place of {@code prefix}; the old one keeps working for {@code grace}
     * (zero: revoked at once), so a deployment can switch keys without a failed request.
     */
    public Optional<IssuedKey> rotate(String tenantId, String prefix, Duration grace) {
        Optional<Map<String, AttributeValue>> old = listing(tenantId, prefix);
        if (old.isEmpty()) {
            return Optional.empty();
        }
        IssuedKey replacement = issue(tenantId, Role.valueOf(string(old.get(), ROLE)));
        String hash = string(old.get(), HASH);
        if (grace.isZero()) {
            delete(tenantId, prefix, hash);
        } else {
            Instant expiresAt = clock.instant().plus(grace);
            dynamo.transactWriteItems(request -> request.transactItems(
                    expire(key(Keys.apiKey(hash), Keys.META), expiresAt), expire(key(Keys.tenant(tenantId), Keys.tenantApiKey(prefix)), expiresAt)));
        }
        return Optional.of(replacement);
    }

    /** Revokes the tenant's key with this prefix at once; false when the tenant has no such key. */
    public boolean revoke(String tenantId, String prefix) {
        Optional<Map<String, AttributeValue>> old = listing(tenantId, prefix);
        if (old.isEmpty()) {
            return false;
        }
        delete(tenantId, prefix, string(old.get(), HASH));
        return true;
    }

    /** Both items of the key, together. */
    private void delete(String tenantId, String prefix, String hash) {
        dynamo.transactWriteItems(request -> request.transactItems(
                delete(key(Keys.apiKey(hash), Keys.META)), delete(key(Keys.tenant(tenantId), Keys.tenantApiKey(prefix)))));
    }

    private Optional<Map<String, AttributeValue>> listing(String tenantId, String prefix) {
        var item = dynamo.getItem(request -> request.tableName(table).consistentRead(true)
                .key(key(Keys.tenant(tenantId), Keys.tenantApiKey(prefix)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> authItem(String hash, ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.apiKey(hash), Keys.META));
        describe(item, key);
        return item;
    }

    private static Map<String, AttributeValue> listingItem(String hash, ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.tenant(key.tenantId()), Keys.tenantApiKey(key.prefix())));
        item.put(HASH, s(hash));
        describe(item, key);
        return item;
    }

    private static void describe(Map<String, AttributeValue> item, ApiKey key) {
        item.put(TENANT_ID, s(key.tenantId()));
        item.put(PREFIX, s(key.prefix()));
        item.put(ROLE, s(key.role().name()));
        item.put(CREATED_AT, s(key.createdAt().toString()));
    }

    private static ApiKey apiKey(Map<String, AttributeValue> item) {
        String role = string(item, ROLE);
        String created = string(item, CREATED_AT);
        String expires = string(item, EXPIRES_AT);
        return new ApiKey(string(item, PREFIX), string(item, TENANT_ID), role == null ? Role.STANDARD : Role.valueOf(role),
                created == null ? Instant.EPOCH : Instant.parse(created), expires == null ? null : Instant.parse(expires));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression(condition).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }

    /** Sets the expiry, and a TTL a day later so DynamoDB removes the dead key's items. */
    private TransactWriteItem expire(Map<String, AttributeValue> key, Instant expiresAt) {
        return TransactWriteItem.builder().update(Update.builder()
                .tableName(table).key(key)
                .updateExpression("SET #e = :e, #ttl = :ttl")
                .expressionAttributeNames(Map.of("#e", EXPIRES_AT, "#ttl", Keys.TTL))
                .expressionAttributeValues(Map.of(":e", s(expiresAt.toString()),
                        ":ttl", n(expiresAt.plus(Duration.ofDays(1)).getEpochSecond())))
                .build()).build();
    }
}
