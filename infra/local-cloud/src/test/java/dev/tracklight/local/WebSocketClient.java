package dev.tracklight.local;

import dev.tracklight.core.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test WebSocket client on the JDK's own implementation: collects every text message it receives. */
final class WebSocketClient implements AutoCloseable {

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WebSocketClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                // API Gateway's own limit for $connect: from a zip, the handshake waits on the function's cold start
                .connectTimeout(Duration.ofSeconds(29))
                .buildAsync(uri, new Listener())
                .join();
    }

    static WebSocketClient connect(URI endpoint, String token) {
        return new WebSocketClient(URI.create(endpoint + "?token=" + token));
    }

    void send(String action) {
        socket.sendText(Json.write(Map.of("action", action)), true).join();
    }

    /** The next message that matches, waiting up to {@code timeout}; fails the test if none comes. */
    Map<String, Object> await(Predicate<Map<String, Object>> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Map<String, Object> message = messages.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message != null && matching.test(message)) {
                return message;
            }
            if (message != null) {
                skipped.add(message);
            }
        }
        throw new AssertionError("no matching WebSocket message within " + timeout + "; received " + skipped
                + (closed.isDone() ? ", closed " + closed.getNow(null) : ""));
    }

    CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(Json.read(partial.toString(), Map.class));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
