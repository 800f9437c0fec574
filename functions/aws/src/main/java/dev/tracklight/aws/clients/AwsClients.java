package dev.tracklight.aws.clients;

import dev.tracklight.aws.env.FunctionEnvironment;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the SDK clients of one function. Endpoints come only from {@code AWS_ENDPOINT_URL_<SERVICE>} or
 * {@code AWS_ENDPOINT_URL} (the SDK's own convention), so the same code runs against AWS, LocalStack and
 * the local cloud; credentials come from the default chain, which SnapStart supports.
 */
public final class AwsClients {

    private final FunctionEnvironment environment;
    private final SdkHttpClient http;

    public AwsClients(FunctionEnvironment environment) {
        this.environment = environment;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").httpClient(http).build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").httpClient(http).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder(), "EVENTBRIDGE").httpClient(http).build();
    }

    /** The WebSocket API's callback endpoint has no default: the template sets it per stage. */
    public ApiGatewayManagementApiClient connections() {
        return ApiGatewayManagementApiClient.builder()
                .region(region())
                .endpointOverride(URI.create(environment.require("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")))
                .httpClient(http)
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(region());
        environment.get("AWS_ENDPOINT_URL_" + service)
                .or(() -> environment.get("AWS_ENDPOINT_URL"))
                .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder;
    }

    private Region region() {
        return Region.of(environment.require("AWS_REGION"));
    }
}
