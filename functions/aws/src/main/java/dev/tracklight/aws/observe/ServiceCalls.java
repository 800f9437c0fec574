package dev.tracklight.aws.observe;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.List;

/**
 * Counts every request a function makes to AWS, as the invocation's metrics: DynamoDB reads and writes
 * (requests, items written, and the capacity units DynamoDB says they consumed), SQS requests, EventBridge
 * entries, WebSocket posts. The bench reads what it costs per event from these, not from assumptions, and
 * in production they show which function spends the table's capacity. Registered on every client
 * {@code AwsClients} builds; the SDK classes it names are looked at only when the function carries them.
 */
public final class ServiceCalls implements ExecutionInterceptor {

    public static final ServiceCalls INTERCEPTOR = new ServiceCalls();

    private ServiceCalls() {
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return isDynamoDb(context.request()) ? DynamoDbCapacity.asked(context.request()) : context.request();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String service = request.getClass().getPackageName();
        if (isDynamoDb(request)) {
            dynamoDb(request, context.response());
        } else if (service.endsWith(".sqs.model")) {
            Telemetry.count("SqsRequests", 1);
        } else if (service.endsWith(".eventbridge.model")) {
            Telemetry.count("PutEventsRequests", 1);
            if (request instanceof software.amazon.awssdk.services.eventbridge.model.PutEventsRequest put) {
                Telemetry.count("PutEventsEntries", put.entries().size());
            }
        } else if (service.endsWith(".apigatewaymanagementapi.model")) {
            Telemetry.count("ConnectionPosts", 1);
        }
    }

    private static boolean isDynamoDb(SdkRequest request) {
        return request.getClass().getPackageName().endsWith(".dynamodb.model");
    }

    private static void dynamoDb(SdkRequest request, SdkResponse response) {
        Consumed consumed = switch (response) {
            case PutItemResponse r -> Consumed.write(r.consumedCapacity());
            case UpdateItemResponse r -> Consumed.write(r.consumedCapacity());
            case DeleteItemResponse r -> Consumed.write(r.consumedCapacity());
            case BatchWriteItemResponse r -> new Consumed(true, r.consumedCapacity());
            case TransactWriteItemsResponse r -> new Consumed(true, r.consumedCapacity());
            case GetItemResponse r -> Consumed.read(r.consumedCapacity());
            case QueryResponse r -> Consumed.read(r.consumedCapacity());
            case ScanResponse r -> Consumed.read(r.consumedCapacity());
            case BatchGetItemResponse r -> new Consumed(false, r.consumedCapacity());
            default -> new Consumed(false, List.of());
        };
        double units = consumed.capacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        if (consumed.writes()) {
            Telemetry.count("DynamoDbWriteRequests", 1);
            Telemetry.count("DynamoDbItemsWritten", itemsWritten(request, response));
            Telemetry.total("DynamoDbWriteUnits", units);
        } else {
            Telemetry.count("DynamoDbReadRequests", 1);
            Telemetry.total("DynamoDbReadUnits", units);
        }
    }

    /** Whether a request wrote, and the capacity DynamoDB said it consumed. */
    private record Consumed(boolean writes, List<ConsumedCapacity> capacity) {

        static Consumed write(ConsumedCapacity capacity) {
            return new Consumed(true, capacity == null ? List.of() : List.of(capacity));
        }

        static Consumed read(ConsumedCapacity capacity) {
            return new Consumed(false, capacity == null ? List.of() : List.of(capacity));
        }
    }

    private static long itemsWritten(SdkRequest request, SdkResponse response) {
        return switch (request) {
            case BatchWriteItemRequest batch -> {
                long asked = batch.requestItems().values().stream().mapToLong(List::size).sum();
                var left = ((BatchWriteItemResponse) response).unprocessedItems();
                yield asked - (left == null ? 0 : left.values().stream().mapToLong(List::size).sum());
            }
            case TransactWriteItemsRequest transaction -> transaction.transactItems().size();
            default -> 1;
        };
    }
}
