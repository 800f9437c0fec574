package dev.tracklight.local;

import dev.tracklight.aws.store.Keys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.UUID;

/** A table with the keys and the due-hour index of the stack's, for a test whose counts other tests' items must not touch. */
final class TableOfItsOwn {

    private TableOfItsOwn() {
    }

    /** Creates it in the shared cloud's DynamoDB and returns its name. */
    static String create(DynamoDbClient dynamo, String prefix) {
        String table = prefix + "-" + UUID.randomUUID();
        dynamo.createTable(request -> request.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(Keys.PK), attribute(Keys.SK), attribute(Keys.DUE_PK), attribute(Keys.DUE_SK))
                .keySchema(key(Keys.PK, KeyType.HASH), key(Keys.SK, KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName(Keys.DUE_INDEX).keySchema(key(Keys.DUE_PK, KeyType.HASH), key(Keys.DUE_SK, KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))));
        return table;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
