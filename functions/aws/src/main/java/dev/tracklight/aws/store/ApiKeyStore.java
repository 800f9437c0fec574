package dev.tracklight.aws.store;

import dev.tracklight.core.ids.Sha256;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/** Merchant API keys. Only a key's SHA-256 is stored: a leaked table does not leak keys. */
public final class ApiKeyStore {

    private static final String TENANT_ID = "tenantId";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;

    public ApiKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Creates a key for the tenant and returns it; this is the only time the key is seen. */
    public String issue(String tenantId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = "tl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        var item = new HashMap<>(key(Keys.apiKey(hash(apiKey)), Keys.META));
        item.put(TENANT_ID, s(tenantId));
        dynamo.putItem(request -> request.tableName(table).item(item));
        return apiKey;
    }

    public Optional<String> tenantOf(String apiKey) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.apiKey(hash(apiKey)), Keys.META))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, TENANT_ID));
    }

    private static String hash(String apiKey) {
        return Sha256.hex(apiKey);
    }
}
