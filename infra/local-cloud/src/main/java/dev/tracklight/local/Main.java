package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import dev.tracklight.operator.LocalCloudState;
import dev.tracklight.local.demo.DemoData;
import dev.tracklight.local.demo.TracklightClient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import static dev.tracklight.operator.CommandLine.intOption;
import static dev.tracklight.operator.CommandLine.option;

/**
 * The {@code ./tracklight up} and {@code ./tracklight webhook} commands.
 */
public final class Main {

    private static final int DEFAULT_PORT = 4000;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        String command = rest.isEmpty() ? "up" : rest.removeFirst();
        int status = switch (command) {
            case "up" -> up(rest);
            case "webhook" -> webhook(rest);
            default -> {
                System.err.println("unknown command '" + command + "'; use up or webhook (dlq, raw, endpoint and key are the operator's)");
                yield 2;
            }
        };
        // DynamoDB Local's child process and the servers are closed by now; end the JVM with its status.
        System.exit(status);
    }

    private static int up(List<String> args) throws Exception {
        int port = intOption(args, "--port", DEFAULT_PORT);
        boolean json = args.remove("--json");
        // as Lambda runs them (each function from its zip, in JVMs of its own), unless asked to keep them in this JVM
        boolean inProcess = args.remove("--in-process");
        Path template = Path.of(option(args, "--template", "template.yaml"));
        LocalCloud.Options options = new LocalCloud.Options(template, port, intOption(args, "--dynamodb-port", 0),
                intOption(args, "--sqs-port", 0), intOption(args, "--eventbridge-port", 0), option(args, "--region", "us-east-1"),
                option(args, "--tile-url", null), null, !inProcess);
        LocalCloud cloud = LocalCloud.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        int boundPort = cloud.httpEndpoint().getPort();
        Path state = LocalCloudState.file(boundPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(state);
            } catch (java.io.IOException ignored) {
                // a stale file only points the operator commands at a stopped cloud; they then fail to connect
            }
            cloud.close();
            stopped.countDown();
        }));
        DemoData.Seeded demo = DemoData.seed(cloud);
        LocalCloudState.write(boundPort, cloud.operatorEnvironment());
        if (json) {
            System.out.println(Json.write(Map.of("httpEndpoint", cloud.httpEndpoint().toString(),
                    "webSocketEndpoint", cloud.webSocketEndpoint().toString(), "apiKey", demo.apiKey(), "tenant", DemoData.TENANT,
                    "mailbox", cloud.mail().sesEndpoint() + "/_local/messages",
                    "webhookSecret", DemoData.WEBHOOK_SECRET, "shipments", demo.shipments())));
        } else {
            printWelcome(cloud, demo);
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static void printWelcome(LocalCloud cloud, DemoData.Seeded demo) {
        DemoData.DemoShipment first = demo.shipments().getFirst();
        String portFlag = cloud.httpEndpoint().getPort() == DEFAULT_PORT ? "" : " --port " + cloud.httpEndpoint().getPort();
        System.out.println();
        System.out.println("Tracklight is running on " + cloud.httpEndpoint() + " (WebSocket " + cloud.webSocketEndpoint() + ")");
        System.out.println();
        System.out.println("Demo tracking pages (open one on a phone-sized window):");
        for (DemoData.DemoShipment shipment : demo.shipments()) {
            System.out.printf("  %-60s %s %s, %s%n", shipment.trackingUrl(), shipment.carrier(), shipment.trackingNumber(), shipment.story());
        }
        System.out.println("Demo order page (its two parcels above, SF Express and JD, and the warehouse's steps):");
        System.out.println("  " + first.orderUrl());
        System.out.println("  found without its link (order ORD-1001, e-mail demo@example.com) at " + cloud.httpEndpoint() + "/o?shop=" + DemoData.TENANT);
        System.out.println("Sign up for updates on a page; what is e-mailed arrives in the local SMTP server's mailbox:");
        System.out.println("  " + cloud.mail().sesEndpoint() + "/_local/messages");
        System.out.println();
        System.out.println("Demo merchant API key (tenant " + DemoData.TENANT + "), shown once:");
        System.out.println("  " + demo.apiKey());
        System.out.println("  curl -s -H 'Authorization: Bearer " + demo.apiKey() + "' " + cloud.httpEndpoint() + "/v1/shipments/" + first.id());
        System.out.println();
        System.out.println("Post a signed carrier webhook; the first page changes without a reload:");
        System.out.println("  ./tracklight webhook" + portFlag + " " + first.trackingNumber() + " OUT_FOR_DELIVERY \"Out for delivery in Shanghai\"");
        System.out.println("  (generic Tracklight format, secret '" + DemoData.WEBHOOK_SECRET + "'; README shows the same with curl + openssl)");
        System.out.println();
        System.out.println("Press Ctrl+C to stop.");
    }

    /** {@code webhook [--port N] [--carrier C] [--secret S] TRACKING_NUMBER STATUS [MESSAGE]}. */
    static int webhook(List<String> args) throws Exception {
        String port = option(args, "--port", null);
        String carrier = option(args, "--carrier", "sf-express");
        String secret = option(args, "--secret", DemoData.WEBHOOK_SECRET);
        if (args.size() < 2) {
            System.err.println("usage: ./tracklight webhook [--port N] [--carrier C] [--secret S] TRACKING_NUMBER STATUS [MESSAGE]");
            return 2;
        }
        String message = args.size() > 2 ? args.get(2) : args.get(1).replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        String body = DemoData.webhookBody(carrier, args.get(0), args.get(1), message);
        Optional<Integer> chosen = Optional.ofNullable(port).map(Integer::parseInt);
        Optional<String> endpoint = LocalCloudState.find(chosen).map(state -> state.get("HTTP_ENDPOINT"));
        if (endpoint.isEmpty()) {
            System.err.println("tracklight: no local cloud found (looked for " + LocalCloudState.lookedFor(chosen)
                    + "): start one with ./tracklight up, or pass the --port it printed");
            return 1;
        }
        HttpResponse<String> response = new TracklightClient(URI.create(endpoint.get())).postSignedWebhook(secret, body);
        System.out.println("POST /webhooks/carriers/tracklight " + body);
        System.out.println(response.statusCode() + " " + response.body());
        return response.statusCode() / 100 == 2 ? 0 : 1;
    }
}
