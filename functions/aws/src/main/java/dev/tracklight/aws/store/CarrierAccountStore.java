package dev.tracklight.aws.store;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.subscription.CarrierAccount;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/**
 * A tenant's carrier accounts, one item each ({@code TEN#{tenant}} / {@code CARRIER#{source}}): the account as the
 * API shows it, and its credentials sealed by {@link CredentialCipher}, opened only by the functions that call
 * the source for that tenant.
 */
public final class CarrierAccountStore {

    private static final String DOC = "doc";
    private static final String SEALED = "credentials";
    /** The account's update time as an attribute, for the conditions that must not write over a newer account. */
    private static final String UPDATED = "updatedAt";
    private static final String CLAIM = "callbackClaim";
    private static final Duration CLAIM_FOR = Duration.ofMinutes(2);

    private final DynamoDbClient dynamo;
    private final String table;
    private final CredentialCipher cipher;
    private final Clock clock;

    public CarrierAccountStore(DynamoDbClient dynamo, String table, CredentialCipher cipher, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) the account. A replaced one keeps its creation time and endpoint, and its callback is
     * registered anew with the new credentials (they may belong to another account at the source).
     *
     * @param endpointId the tenant's endpoint for the source, used when the account is new
     */
    public CarrierAccount put(String tenantId, String source, Map<String, String> credentials, List<String> carriers, String endpointId) {
        Instant now = clock.instant();
        Optional<CarrierAccount> old = find(tenantId, source);
        CarrierAccount account = new CarrierAccount(tenantId, source, carriers, credentials.keySet().stream().sorted().toList(),
                CarrierAccount.ACTIVE, null, old.map(CarrierAccount::endpointId).orElse(endpointId), false,
                old.map(CarrierAccount::createdAt).orElse(now), now);
        write(account, cipher.seal(Json.write(credentials), tenantId, source));
        return account;
    }

    public List<CarrierAccount> list(String tenantId) {
        return dynamo.queryPaginator(request -> request.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.tenant(tenantId)), ":prefix", s(Keys.CARRIER_ACCOUNT_PREFIX))).consistentRead(true))
                .items().stream().map(item -> Json.read(string(item, DOC), CarrierAccount.class)).toList();
    }

    public Optional<CarrierAccount> find(String tenantId, String source) {
        return item(tenantId, source).map(item -> Json.read(string(item, DOC), CarrierAccount.class));
    }

    /** An account with its credentials opened, from one read. */
    public record Opened(CarrierAccount account, Map<String, String> credentials) {
    }

    /** The account and its credentials, opened for the source call about to be made for this tenant. */
    @SuppressWarnings("unchecked")
    public Optional<Opened> open(String tenantId, String source) {
        return item(tenantId, source).map(item -> new Opened(Json.read(string(item, DOC), CarrierAccount.class),
                (Map<String, String>) Json.read(cipher.open(string(item, SEALED), tenantId, source), Map.class)));
    }

    /** The account's credentials, opened for the source call about to be made for this tenant. */
    public Map<String, String> credentials(String tenantId, String source) {
        return open(tenantId, source).map(Opened::credentials).orElse(Map.of());
    }

    public boolean delete(String tenantId, String source) {
        var old = dynamo.deleteItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.CARRIER_ACCOUNT_PREFIX + source))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    /**
     * Records what the source said of the account (its callback registered, its credentials refused), unless the
     * account was replaced meanwhile: the new credentials then have their own answer to get.
     */
    public void update(CarrierAccount account) {
        item(account.tenantId(), account.source()).ifPresent(item -> {
            Map<String, AttributeValue> next = new HashMap<>(item);
            next.put(DOC, s(Json.write(account)));
            try {
                dynamo.putItem(request -> request.tableName(table).item(next).conditionExpression("#updated = :seen")
                        .expressionAttributeNames(Map.of("#updated", UPDATED)).expressionAttributeValues(Map.of(":seen", s(account.updatedAt().toString()))));
            } catch (ConditionalCheckFailedException replaced) {
                // a PUT replaced the account after this answer was asked for
            }
        });
    }

    /**
     * Seals every stored credential that is not sealed with the current key again with it, after a rotation, so the
     * previous key can be dropped. An account replaced meanwhile is left as its new PUT sealed it. Reads every
     * account item: an operator's one-off, never a request path.
     *
     * @return how many were sealed again, and how many no key this function holds opens (the previous key is then still
     *         needed, or they were sealed with an older one)
     */
    public Resealed resealAll() {
        int resealed = 0;
        int unopened = 0;
        var pages = dynamo.scanPaginator(request -> request.tableName(table).filterExpression("begins_with(sk, :prefix) AND attribute_exists(#sealed)")
                .expressionAttributeNames(Map.of("#sealed", SEALED)).expressionAttributeValues(Map.of(":prefix", s(Keys.CARRIER_ACCOUNT_PREFIX))).consistentRead(true));
        for (Map<String, AttributeValue> item : pages.items()) {
            String sealed = string(item, SEALED);
            if (cipher.sealedWithCurrent(sealed)) {
                continue;
            }
            String tenantId = string(item, "pk").substring(Keys.tenant("").length());
            String source = string(item, "sk").substring(Keys.CARRIER_ACCOUNT_PREFIX.length());
            String plaintext;
            try {
                plaintext = cipher.open(sealed, tenantId, source);
            } catch (IllegalStateException notOurs) {
                unopened++;
                continue;
            }
            try {
                dynamo.updateItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.CARRIER_ACCOUNT_PREFIX + source))
                        .updateExpression("SET #sealed = :resealed").conditionExpression("#sealed = :seen")
                        .expressionAttributeNames(Map.of("#sealed", SEALED))
                        .expressionAttributeValues(Map.of(":resealed", s(cipher.seal(plaintext, tenantId, source)), ":seen", s(sealed))));
                resealed++;
            } catch (ConditionalCheckFailedException replaced) {
                // a PUT sealed new credentials with the current key meanwhile
            }
        }
        return new Resealed(resealed, unopened);
    }

    /** What a reseal did: accounts sealed again with the current key, and accounts none of its keys opens. */
    public record Resealed(int resealed, int unopened) {
    }

    /**
     * Claims the registration of the account's callback at its source for a few minutes, so two requests arriving
     * together do not register it twice.
     */
    public boolean claimCallback(CarrierAccount account) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(Keys.tenant(account.tenantId()), Keys.CARRIER_ACCOUNT_PREFIX + account.source()))
                    .updateExpression("SET #claim = :now")
                    .conditionExpression("#updated = :seen AND (attribute_not_exists(#claim) OR #claim < :stale)")
                    .expressionAttributeNames(Map.of("#claim", CLAIM, "#updated", UPDATED))
                    .expressionAttributeValues(Map.of(":now", s(now.toString()), ":stale", s(now.minus(CLAIM_FOR).toString()),
                            ":seen", s(account.updatedAt().toString()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> item(String tenantId, String source) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.tenant(tenantId), Keys.CARRIER_ACCOUNT_PREFIX + source)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void write(CarrierAccount account, String sealed) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.tenant(account.tenantId()), Keys.CARRIER_ACCOUNT_PREFIX + account.source()));
        item.put(DOC, s(Json.write(account)));
        item.put(SEALED, s(sealed));
        item.put(UPDATED, s(account.updatedAt().toString()));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }
}
