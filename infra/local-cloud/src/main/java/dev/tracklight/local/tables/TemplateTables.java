package dev.tracklight.local.tables;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.List;
import java.util.Map;

/** Creates a table exactly as its {@code AWS::DynamoDB::Table} properties declare it: keys, indexes, TTL. */
public final class TemplateTables {

    private TemplateTables() {
    }

    @SuppressWarnings("unchecked")
    public static void create(DynamoDbClient dynamo, String tableName, Map<String, Object> properties) {
        List<AttributeDefinition> attributes = ((List<Map<String, Object>>) properties.get("AttributeDefinitions")).stream()
                .map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                        .attributeType((String) a.get("AttributeType")).build())
                .toList();
        List<GlobalSecondaryIndex> indexes = ((List<Map<String, Object>>) properties.getOrDefault("GlobalSecondaryIndexes", List.of()))
                .stream()
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName((String) index.get("IndexName"))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(Projection.builder()
                                .projectionType((String) ((Map<String, Object>) index.get("Projection")).get("ProjectionType"))
                                .build())
                        .build())
                .toList();
        dynamo.createTable(request -> {
            request.tableName(tableName)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema(properties.get("KeySchema")))
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes);
            }
        });
        var ttl = (Map<String, Object>) properties.get("TimeToLiveSpecification");
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled"))) {
            dynamo.updateTimeToLive(request -> request.tableName(tableName)
                    .timeToLiveSpecification(spec -> spec.attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<KeySchemaElement> keySchema(Object schema) {
        return ((List<Map<String, Object>>) schema).stream()
                .map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                        .keyType((String) k.get("KeyType")).build())
                .toList();
    }
}
