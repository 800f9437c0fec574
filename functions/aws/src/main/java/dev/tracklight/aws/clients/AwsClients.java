package dev.tracklight.aws.clients;

import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.ServiceCalls;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
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
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private EventBridgeClient eventBridge;
    private ApiGatewayManagementApiClient connections;
    private SesV2Client ses;
    private SnsClient sns;

    public AwsClients(FunctionEnvironment environment) {
        this.environment = environment;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * One client per service and function instance, however many stores share it: each costs milliseconds of
     * cold start. One getter each, not a shared lazy holder: a zip carries only the clients its policies allow,
     * and a lambda naming an absent client's class fails when the holder is built, not when it is used.
     */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), "DYNAMODB").httpClient(http).build();
        }
        return dynamoDb;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder(), "SQS").httpClient(http).build();
        }
        return sqs;
    }

    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = configure(EventBridgeClient.builder(), "EVENTBRIDGE").httpClient(http).build();
        }
        return eventBridge;
    }

    /** E-mail to consumers; only notify-consumers carries the SES client. */
    public synchronized SesV2Client ses() {
        if (ses == null) {
            ses = configure(SesV2Client.builder(), "SESV2").httpClient(http).build();
        }
        return ses;
    }

    /** Texts to consumers; only notify-consumers carries the SNS client. */
    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = configure(SnsClient.builder(), "SNS").httpClient(http).build();
        }
        return sns;
    }

    /** The WebSocket API's callback endpoint has no default: the template sets it per stage. */
    public synchronized ApiGatewayManagementApiClient connections() {
        if (connections == null) {
            connections = ApiGatewayManagementApiClient.builder()
                    .region(region())
                    .endpointOverride(URI.create(environment.require("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")))
                    .overrideConfiguration(counted())
                    .httpClient(http)
                    .build();
        }
        return connections;
    }

    /** Every request counted into the invocation's metrics (see {@link ServiceCalls}). */
    private static ClientOverrideConfiguration counted() {
        return ClientOverrideConfiguration.builder().addExecutionInterceptor(ServiceCalls.INTERCEPTOR).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(region()).overrideConfiguration(counted());
        environment.get("AWS_ENDPOINT_URL_" + service)
                .or(() -> environment.get("AWS_ENDPOINT_URL"))
                .ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder;
    }

    private Region region() {
        return Region.of(environment.require("AWS_REGION"));
    }
}
