package dev.tracklight.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Lambda Runtime API one execution environment polls, as AWS documents it
 * (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): {@code GET /2018-06-01/runtime/invocation/next}
 * waits for an event and answers it with {@code Lambda-Runtime-Aws-Request-Id}, {@code Lambda-Runtime-Deadline-Ms}
 * and {@code Lambda-Runtime-Invoked-Function-Arn}; {@code POST …/invocation/{id}/response} and {@code …/error} end
 * it; {@code POST …/init/error} reports a function that could not start. On 127.0.0.1, a free port.
 */
final class RuntimeApi implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    /** What an invocation ended with: the function's response, or its error (an init error has no request id). */
    record Outcome(boolean error, String body) {
    }

    private record Invocation(String requestId, String event, Instant deadline, CompletableFuture<Outcome> outcome) {
    }

    private final HttpServer server;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Instant> firstPoll = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    RuntimeApi(String functionArn) {
        this.functionArn = functionArn;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the runtime API could not listen", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API} names it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime first asks for an event: its init is over. */
    CompletableFuture<Instant> firstPoll() {
        return firstPoll;
    }

    /** Completes when the runtime reports that the function could not start. */
    CompletableFuture<String> initError() {
        return initError;
    }

    /** An invocation of a function that reported an init error fails with that error, as on Lambda. */
    CompletableFuture<Outcome> invoke(String event, Duration timeout) {
        if (initError.isDone()) {
            return CompletableFuture.completedFuture(new Outcome(true, initError.join()));
        }
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, Instant.now().plus(timeout), new CompletableFuture<>());
        pending.add(invocation);
        return invocation.outcome();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                firstPoll.complete(Instant.now());
                Invocation next = pending.take();
                running.put(next.requestId(), next);
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadline().toEpochMilli()));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000)
                        + "-" + next.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                send(exchange, 200, next.event());
            } else if (exchange.getRequestMethod().equals("POST") && path.equals("init/error")) {
                initError.complete(body);
                for (Invocation waiting; (waiting = pending.poll()) != null; ) {
                    waiting.outcome().complete(new Outcome(true, body));
                }
                running.values().forEach(invocation -> invocation.outcome().complete(new Outcome(true, body)));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (exchange.getRequestMethod().equals("POST") && path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                Invocation invocation = parts.length == 3 ? running.remove(parts[1]) : null;
                if (invocation == null) {
                    send(exchange, 400, "{\"errorMessage\":\"no such invocation\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                invocation.outcome().complete(new Outcome(parts[2].equals("error"), body));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown runtime API path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
