package dev.tracklight.aws.push;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Posts messages to WebSocket clients through the API Gateway {@code @connections} API. */
public final class ConnectionPusher {

    /** API Gateway refuses WebSocket messages over 128 KB. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;

    private final ApiGatewayManagementApiClient connections;
    private final int parallelism;

    public ConnectionPusher(ApiGatewayManagementApiClient connections, int parallelism) {
        this.connections = connections;
        this.parallelism = parallelism;
    }

    public enum Outcome { DELIVERED, GONE, FAILED }

    public Outcome post(String connectionId, byte[] message) {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message of " + message.length + " bytes exceeds the WebSocket limit");
        }
        try {
            connections.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromByteArray(message)));
            return Outcome.DELIVERED;
        } catch (GoneException e) {
            return Outcome.GONE;
        }
    }

    /**
     * Posts to every connection, at most {@code parallelism} at once. A connection that fails does not stop
     * the others: its outcome is {@link Outcome#FAILED} and the caller decides whether to retry.
     */
    public Map<String, Outcome> postAll(List<String> connectionIds, byte[] message) {
        Semaphore permits = new Semaphore(parallelism);
        Map<String, Future<Outcome>> pending = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String id : connectionIds) {
                pending.put(id, executor.submit(() -> {
                    permits.acquire();
                    try {
                        return post(id, message);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        pending.forEach((id, future) -> outcomes.put(id,
                future.state() == Future.State.SUCCESS ? future.resultNow() : Outcome.FAILED));
        return outcomes;
    }
}
