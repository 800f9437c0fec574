package dev.tracklight.aws.observe;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Asks DynamoDB to say what each request consumed (free of charge; a few bytes more in the answer). */
final class DynamoDbCapacity {

    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;

    private DynamoDbCapacity() {
    }

    static SdkRequest asked(SdkRequest request) {
        return switch (request) {
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(TOTAL).build();
            default -> request;
        };
    }
}
