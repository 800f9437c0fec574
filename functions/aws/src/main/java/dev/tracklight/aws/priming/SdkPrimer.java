package dev.tracklight.aws.priming;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.Map;

/**
 * Runs the SDK's request path for the calls the functions make (endpoint rules, signing, marshalling, the HTTP
 * client's setup) on clients whose interceptor stops every request before it is sent: most of a first call's
 * cost is loading and initializing those classes, and none of it needs the network. Nothing leaves the JVM, so
 * nothing is read or written and no connection outlives the snapshot.
 */
final class SdkPrimer {

    /** Never contacted: the interceptor stops each request first. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private SdkPrimer() {
    }

    /** Primes the clients this function's zip carries: each zip holds only the SDK clients its function calls. */
    static void run() {
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().build()) {
            if (carries("software.amazon.awssdk.services.dynamodb.DynamoDbClient")) {
                DynamoDbPrimer.run(configure(DynamoDbClient.builder(), http).build());
            }
            if (carries("software.amazon.awssdk.services.sqs.SqsClient")) {
                try (SqsClient sqs = configure(SqsClient.builder(), http).build()) {
                    stopped(() -> sqs.sendMessageBatch(request -> request.queueUrl(NOWHERE + "/000000000000/priming")
                            .entries(entry -> entry.id("0").messageBody("{}"))));
                }
            }
            if (carries("software.amazon.awssdk.services.eventbridge.EventBridgeClient")) {
                try (EventBridgeClient bus = configure(EventBridgeClient.builder(), http).build()) {
                    stopped(() -> bus.putEvents(request -> request.entries(entry -> entry.eventBusName("priming").source("priming")
                            .detailType("priming").detail("{}"))));
                }
            }
        }
    }

    private static boolean carries(String className) {
        try {
            Class.forName(className, false, SdkPrimer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** DynamoDB's calls, in a class of their own so the others load without it. */
    private static final class DynamoDbPrimer {
        static void run(DynamoDbClient dynamo) {
            try (dynamo) {
                Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("PRIMING"), "sk", AttributeValue.fromS("PRIMING"));
                stopped(() -> dynamo.getItem(request -> request.tableName("priming").key(key).consistentRead(true)));
                stopped(() -> dynamo.putItem(request -> request.tableName("priming").item(key).conditionExpression("attribute_not_exists(pk)")));
                stopped(() -> dynamo.updateItem(request -> request.tableName("priming").key(key).updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
                stopped(() -> dynamo.query(request -> request.tableName("priming").keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PRIMING")))));
                stopped(() -> dynamo.transactWriteItems(request -> request.transactItems(item -> item.put(put -> put.tableName("priming").item(key)))));
            }
        }
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, SdkHttpClient http) {
        builder.region(Region.US_EAST_1).endpointOverride(NOWHERE)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new StopBeforeSending())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    private static void stopped(Runnable call) {
        try {
            call.run();
            throw new IllegalStateException("a priming request was sent");
        } catch (Stopped expected) {
            // the request went as far as it may; anything else (a request that was sent, say) fails the priming
        }
    }

    /** Thrown where the request would be transmitted. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("priming: stopped before sending", null, false, false);
        }
    }

    private static final class StopBeforeSending implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stopped();
        }
    }
}
