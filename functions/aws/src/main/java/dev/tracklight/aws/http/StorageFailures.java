package dev.tracklight.aws.http;

import dev.tracklight.core.problem.Problem;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Tells a caller's error from an outage when a store call fails. DynamoDB refuses a key over 2,048 bytes
 * (or any other value it cannot hold) with a ValidationException: retrying it can never succeed, so it is
 * the caller's 400, not a 503 that clients retry forever. The admission rules keep such values out; this is
 * the net behind them.
 */
public final class StorageFailures {

    private StorageFailures() {
    }

    /** The 400 for a value the store refused, else the 503 with {@code unavailable} for the store's own failure. */
    public static Problem problem(SdkException e, String unavailable) {
        return e instanceof DynamoDbException dynamo && dynamo.awsErrorDetails() != null
                && "ValidationException".equals(dynamo.awsErrorDetails().errorCode())
                ? Problem.badRequest("a value in this request is too large to store or look up; shorten it")
                : Problem.unavailable(unavailable);
    }
}
