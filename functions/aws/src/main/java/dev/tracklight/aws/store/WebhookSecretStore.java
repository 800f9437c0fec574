package dev.tracklight.aws.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.Optional;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.s;
import static dev.tracklight.aws.store.Attributes.string;

/** The shared secret each webhook source signs with, one item per source. */
public final class WebhookSecretStore {

    private static final String SECRET = "secret";

    private final DynamoDbClient dynamo;
    private final String table;

    public WebhookSecretStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<String> secretFor(String source) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(Keys.webhookSource(source), SECRET))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, SECRET));
    }

    public void put(String source, String secret) {
        var item = new HashMap<>(key(Keys.webhookSource(source), SECRET));
        item.put(SECRET, s(secret));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }
}
