package dev.tracklight.operator;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.DeadLetters;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ApiKeyStore.IssuedKey;
import dev.tracklight.aws.store.ApiKeyStore.Role;
import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.CarrierAccounts;
import dev.tracklight.aws.store.CredentialCipher;
import dev.tracklight.aws.store.RawWebhookStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.carriers.registry.CarrierAdapters;
import dev.tracklight.core.channels.registry.ChannelAdapters;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.ReceivedWebhook;
import dev.tracklight.core.subscription.CarrierAccount;
import dev.tracklight.core.subscription.CarrierAccountRequest;
import dev.tracklight.core.subscription.CarrierConnections;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.ingest.carrier.CarrierIngest;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The operator's commands ({@code ./tracklight dlq|raw|endpoint|key|carrier-account}), against a running local cloud (found by
 * {@link LocalCloudState}: the only one running, or the one {@code --port} names) or, without one, against the AWS
 * resources the environment names (TABLE_NAME, EVENTS_QUEUE_URL, DEAD_LETTER_QUEUE_URL, AWS_REGION), as a
 * function would see them.
 */
public final class Operator {

    private final FunctionEnvironment env;
    private final PrintStream out;

    public Operator(FunctionEnvironment env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    /**
     * The operator for the local cloud on {@code port}; without one, for the only local cloud running from this
     * checkout, or else for the AWS resources the environment names.
     *
     * @throws IllegalStateException saying what was looked for and how to choose, when none of these is there
     */
    public static Operator forCloud(Optional<Integer> port, PrintStream out) throws IOException {
        Optional<Map<String, String>> local = LocalCloudState.find(port);
        if (local.isPresent()) {
            LocalCloudState.useLocalCredentials();
            return new Operator(new FunctionEnvironment(local.get()), out);
        }
        FunctionEnvironment system = FunctionEnvironment.system();
        if (port.isEmpty() && system.get("TABLE_NAME").isPresent() && system.get("AWS_REGION").isPresent()) {
            return new Operator(system, out);
        }
        throw new IllegalStateException("no local cloud found (looked for " + LocalCloudState.lookedFor(port) + "): start one with"
                + " ./tracklight up, pass the --port it printed, or set TABLE_NAME, EVENTS_QUEUE_URL, DEAD_LETTER_QUEUE_URL and"
                + " AWS_REGION to reach AWS");
    }

    /**
     * {@code dlq [--queue events|subscriptions|notifications] list [--max N]} and {@code dlq ... replay [MESSAGE_ID...]}:
     * the events the processor gave up on, the subscription requests no source answered, or the consumer messages
     * (confirmations, held moments) that could not be sent.
     */
    public int dlq(List<String> args) {
        String queue = CommandLine.option(args, "--queue", "events");
        Map<String, String[]> queues = Map.of("events", new String[]{"DEAD_LETTER_QUEUE_URL", "EVENTS_QUEUE_URL", "event"},
                "subscriptions", new String[]{"SUBSCRIPTIONS_DEAD_LETTER_QUEUE_URL", "SUBSCRIPTIONS_QUEUE_URL", "subscription"},
                "notifications", new String[]{"NOTIFICATIONS_DEAD_LETTER_QUEUE_URL", "NOTIFY_QUEUE_URL", "consumer"});
        if (!queues.containsKey(queue)) {
            return usage("dlq [--queue events|subscriptions|notifications] list [--max N] | replay [MESSAGE_ID...]");
        }
        String[] names = queues.get(queue);
        var deadLetters = new DeadLetters(new AwsClients(env).sqs(), env.require(names[0]), env.require(names[1]));
        String action = args.isEmpty() ? "list" : args.removeFirst();
        if (action.equals("list")) {
            int max = Integer.parseInt(CommandLine.option(args, "--max", "100"));
            List<DeadLetters.Parked> parked = deadLetters.list(max);
            out.println(parked.size() + " parked " + names[2] + " message(s)");
            for (DeadLetters.Parked message : parked) {
                out.printf("  %s  received %d×  sent %s  %s%s%n", message.messageId(), message.receiveCount(),
                        Instant.ofEpochMilli(message.sentAtMillis()), abbreviate(message.body()),
                        message.attributes().isEmpty() ? "" : "  " + message.attributes());
            }
            return 0;
        }
        if (action.equals("replay")) {
            int moved = deadLetters.replay(new LinkedHashSet<>(args));
            out.println(moved + " message(s) moved back to the " + queue + " queue");
            return 0;
        }
        return usage("dlq list [--max N] | dlq replay [MESSAGE_ID...]");
    }

    /** {@code raw list [--hour yyyy-MM-ddTHH]} and {@code raw replay RECEIPT_ID...}. */
    public int raw(List<String> args) {
        String action = args.isEmpty() ? "list" : args.removeFirst();
        if (action.equals("list")) {
            String given = CommandLine.option(args, "--hour", null);
            Instant hour = given != null ? Instant.parse(given + ":00:00Z") : Instant.now().truncatedTo(ChronoUnit.HOURS);
            var store = new RawWebhookStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME"), Duration.ofDays(1));
            List<ReceivedWebhook> received = store.receivedIn(hour);
            out.println(received.size() + " webhook(s) received in the hour from " + hour);
            for (ReceivedWebhook webhook : received) {
                out.printf("  %s  %s  %-10s %s  %s%n", webhook.receiptId(), webhook.receivedAt(), webhook.source(),
                        webhook.tenantId() == null ? "(platform)" : "tenant " + webhook.tenantId(), webhook.outcome());
            }
            return 0;
        }
        if (action.equals("replay") && !args.isEmpty()) {
            CarrierIngest ingest = CarrierIngest.wire(env);
            int failed = 0;
            for (String receipt : args) {
                try {
                    out.println(receipt + ": queued " + ingest.replay(receipt) + " event(s) again");
                } catch (ProblemException e) {
                    out.println(receipt + ": " + e.problem().status() + " " + e.problem().detail());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }
        return usage("raw list [--hour yyyy-MM-ddTHH] | raw replay RECEIPT_ID...");
    }

    /** {@code endpoint create --tenant T --source S [--secret X]}: a tenant's own webhook URL for one source. */
    public int endpoint(List<String> args) {
        String tenant = CommandLine.option(args, "--tenant", null);
        String source = CommandLine.option(args, "--source", null);
        String secret = CommandLine.option(args, "--secret", null);
        if (!args.equals(List.of("create")) || tenant == null || source == null) {
            return usage("endpoint create --tenant TENANT --source SOURCE [--secret SECRET]");
        }
        if (CarrierAdapters.all(Clock.systemUTC()).forSource(source).isEmpty() && !ChannelAdapters.isChannel(source)) {
            return usage("endpoint create: unknown source '" + source + "'; a carrier source (tracklight, easypost, kuaidi100, aftership, ups,"
                    + " 17track, sf-express, shippo, fedex, dhl) or a sales channel (shopify, woocommerce, generic)");
        }
        WebhookEndpoint endpoint;
        try {
            endpoint = new WebhookEndpointStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME")).create(tenant, source, secret);
        } catch (IllegalArgumentException refused) {
            return usage("endpoint create: " + refused.getMessage());
        }
        out.println("URL:    " + env.get("HTTP_ENDPOINT").orElse("https://{your HTTP API}") + endpoint.path());
        out.println("secret: " + endpoint.secret());
        return 0;
    }

    /**
     * {@code key create|list|rotate|revoke --tenant T ...}: a tenant's API keys. A new key is printed once;
     * the table keeps only its hash, so a lost key is rotated, never recovered.
     */
    public int key(List<String> args) {
        String tenant = CommandLine.option(args, "--tenant", null);
        boolean admin = args.remove("--admin");
        String graceHours = CommandLine.option(args, "--grace-hours", "0");
        String usage = "key create --tenant T [--admin] | key list --tenant T | key rotate PREFIX --tenant T [--grace-hours N]"
                + " | key revoke PREFIX --tenant T";
        if (tenant == null || args.isEmpty() || !graceHours.matches("\\d{1,3}")) {
            return usage(usage);
        }
        long grace = Long.parseLong(graceHours);
        ApiKeyStore keys = new ApiKeyStore(new AwsClients(env).dynamoDb(), env.require("TABLE_NAME"));
        switch (args.getFirst()) {
            case "create" -> printIssued(keys.issue(tenant, admin ? Role.ADMIN : Role.STANDARD));
            case "list" -> keys.list(tenant).forEach(key -> out.println(key.prefix() + "  " + key.role() + "  created " + key.createdAt()
                    + (key.expiresAt() == null ? "" : "  expires " + key.expiresAt())));
            case "rotate" -> {
                if (args.size() != 2) {
                    return usage(usage);
                }
                Optional<IssuedKey> issued = keys.rotate(tenant, args.get(1), Duration.ofHours(grace));
                if (issued.isEmpty()) {
                    out.println("tenant " + tenant + " has no key " + args.get(1));
                    return 1;
                }
                printIssued(issued.get());
                out.println(args.get(1) + (grace == 0 ? " is revoked" : " works for " + grace + " more hour(s)"));
            }
            case "revoke" -> {
                if (args.size() != 2 || !keys.revoke(tenant, args.get(1))) {
                    out.println(args.size() != 2 ? "name the key by its prefix" : "tenant " + tenant + " has no key " + args.get(1));
                    return 1;
                }
                out.println(args.get(1) + " is revoked");
            }
            default -> {
                return usage(usage);
            }
        }
        return 0;
    }

    /**
     * {@code carrier-account put --tenant T --source S --credential NAME=VALUE... [--carrier C...]}, {@code list --tenant T}
     * and {@code delete --tenant T --source S}, and {@code reseal} after a key rotation: a tenant's accounts at the sources Tracklight calls, as the merchant API
     * stores them (the credentials sealed, never printed).
     */
    public int carrierAccount(List<String> args) {
        String usage = "carrier-account put --tenant T --source S --credential NAME=VALUE... [--carrier C...] | list --tenant T"
                + " | delete --tenant T --source S | reseal";
        String tenant = CommandLine.option(args, "--tenant", null);
        String source = CommandLine.option(args, "--source", null);
        Map<String, String> credentials = new TreeMap<>();
        for (String credential; (credential = CommandLine.option(args, "--credential", null)) != null; ) {
            int equals = credential.indexOf('=');
            if (equals < 1) {
                return usage(usage);
            }
            credentials.put(credential.substring(0, equals), credential.substring(equals + 1));
        }
        List<String> carriers = new ArrayList<>();
        for (String carrier; (carrier = CommandLine.option(args, "--carrier", null)) != null; ) {
            carriers.add(carrier);
        }
        if ((tenant == null && !args.equals(List.of("reseal"))) || args.size() != 1) {
            return usage(usage);
        }
        AwsClients aws = new AwsClients(env);
        String table = env.require("TABLE_NAME");
        var accounts = new CarrierAccounts(new CarrierAccountStore(aws.dynamoDb(), table, CredentialCipher.from(env), Clock.systemUTC()),
                new WebhookEndpointStore(aws.dynamoDb(), table), CarrierConnections.of(name -> Optional.empty()),
                new SubscriptionStore(aws.dynamoDb(), table), new SubscriptionRequests(aws.sqs(), env.require("SUBSCRIPTIONS_QUEUE_URL")));
        try {
            switch (args.getFirst()) {
                case "put" -> {
                    CarrierAccount stored = accounts.put(tenant, source, new CarrierAccountRequest(credentials, carriers));
                    out.println(stored.source() + " account of tenant " + tenant + ": credentials " + stored.credentialNames() + " sealed; webhook "
                            + accounts.webhookUrl(stored, env.get("HTTP_ENDPOINT").orElse("https://{your HTTP API}")).orElse("-"));
                }
                case "reseal" -> {
                    var done = accounts.store().resealAll();
                    out.println(done.resealed() + " carrier accounts sealed again with the current key; " + (done.unopened() == 0
                            ? "CARRIER_ACCOUNT_KEY_PREVIOUS can now be dropped"
                            : done.unopened() + " open with neither key: keep the previous key until they are stored again"));
                    return done.unopened() == 0 ? 0 : 1;
                }
                case "list" -> accounts.store().list(tenant).forEach(account -> out.println(account.source() + "  " + account.status()
                        + "  credentials " + account.credentialNames() + (account.lastError() == null ? "" : "  " + account.lastError())));
                case "delete" -> {
                    if (!accounts.store().delete(tenant, accounts.connection(source).source())) {
                        out.println("tenant " + tenant + " has no " + source + " account");
                        return 1;
                    }
                    out.println(source + " account of tenant " + tenant + " removed");
                }
                default -> {
                    return usage(usage);
                }
            }
        } catch (ProblemException refused) {
            return usage("carrier-account: " + refused.problem().detail());
        }
        return 0;
    }

    private void printIssued(IssuedKey issued) {
        out.println("key:    " + issued.secret() + "   (shown once; stored only as a hash)");
        out.println("prefix: " + issued.key().prefix() + "  role " + issued.key().role() + "  tenant " + issued.key().tenantId());
    }

    private int usage(String usage) {
        out.println("usage: ./tracklight " + usage);
        return 2;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
