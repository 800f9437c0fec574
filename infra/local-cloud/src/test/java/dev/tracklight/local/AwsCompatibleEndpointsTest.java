package dev.tracklight.local;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.StructuredLog;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.ConnectionStore;
import dev.tracklight.aws.store.IdempotencyStore;
import dev.tracklight.aws.store.PollScheduleStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.local.tables.TemplateTables;
import dev.tracklight.local.template.CloudTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS adapters' hard parts (conditional puts, transactions, atomic counters with conditions, index queries,
 * message attributes) against every AWS-compatible endpoint this machine has: the local cloud's DynamoDB Local
 * and ElasticMQ, and moto_server when it is on the PATH, so nothing depends on one stand-in's quirks.
 */
class AwsCompatibleEndpointsTest {

    private static Process moto;

    /** An endpoint the adapters are built against, by the same variables a function reads. */
    record Endpoint(String name, Map<String, String> environment) {
        @Override
        public String toString() {
            return name;
        }

        AwsClients clients() {
            return new AwsClients(new FunctionEnvironment(environment));
        }

        String table() {
            return environment.get("TABLE_NAME");
        }
    }

    static Stream<Endpoint> endpoints() throws Exception {
        return Stream.of(new Endpoint("DynamoDB Local + ElasticMQ", SharedCloud.get().operatorEnvironment()), motoServer());
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.descendants().forEach(ProcessHandle::destroy);
            moto.destroy();
            moto.waitFor();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anIdempotencyKeyIsClaimedOnceAndTheSecondCallerLearnsTheFirstsShipment(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var store = new IdempotencyStore(endpoint.clients().dynamoDb(), endpoint.table(), Clock.systemUTC());
        String key = "key-" + UUID.randomUUID();

        assertThat(store.claim("tenant-a", key, "hash-1", "shp_first")).isEqualTo(new IdempotencyStore.Claim("shp_first", true));
        assertThat(store.claim("tenant-a", key, "hash-2", "shp_second")).isEqualTo(new IdempotencyStore.Claim("shp_first", false));
        assertThat(store.claim("tenant-b", key, "hash-2", "shp_other")).isEqualTo(new IdempotencyStore.Claim("shp_other", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aConnectionIsWrittenInOneTransactionAndFoundBothWays(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var store = new ConnectionStore(endpoint.clients().dynamoDb(), endpoint.table());
        String shipment = "shp_" + UUID.randomUUID();

        store.add("conn-1", shipment, Instant.now());
        store.add("conn-2", shipment, Instant.now());

        assertThat(store.shipmentOf("conn-1")).hasValue(shipment);
        assertThat(store.connectionsOf(shipment)).containsExactlyInAnyOrder("conn-1", "conn-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aConnectionAnsweredGoneDuringItsHandshakeIsKeptAndAnOlderOneForgotten(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        // GIVEN one connection admitted just now (its $connect may still be running) and one admitted a minute ago
        var store = new ConnectionStore(endpoint.clients().dynamoDb(), endpoint.table());
        String shipment = "shp_" + UUID.randomUUID();
        Instant now = Instant.now();
        store.add("opening", shipment, now.minusSeconds(5));
        store.add("closed", shipment, now.minusSeconds(60));

        // WHEN API Gateway answered 410 for both
        boolean forgotOpening = store.removeGone("opening", now);
        boolean forgotClosed = store.removeGone("closed", now);

        // THEN only the older one is forgotten, both ways
        assertThat(forgotOpening).isFalse();
        assertThat(forgotClosed).isTrue();
        assertThat(store.connectionsOf(shipment)).containsExactly("opening");
        assertThat(store.shipmentOf("closed")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anOrderIsOpenedOnceAndEachStageKeepsItsEarliestReport(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var orders = new dev.tracklight.aws.store.OrderStore(endpoint.clients().dynamoDb(), endpoint.table(), Clock.systemUTC());
        String tenant = "tenant-" + UUID.randomUUID();
        Instant early = Instant.parse("2026-12-01T08:00:00Z");

        var opened = orders.open(tenant, "1001");
        String token = opened.token();
        orders.reach(opened, dev.tracklight.core.order.OrderStage.PACKED, early.plusSeconds(60));
        orders.reach(opened, dev.tracklight.core.order.OrderStage.PACKED, early);
        orders.reach(opened, dev.tracklight.core.order.OrderStage.PACKED, early.plusSeconds(120));

        assertThat(orders.open(tenant, "1001").token()).isEqualTo(token);
        assertThat(orders.findByToken(token).orElseThrow().reported()).containsEntry(dev.tracklight.core.order.OrderStage.PACKED, early);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aSignUpIsKeptOnceFoundByItsTokenAndAddressToldEachMomentOnceAndRemovedWhole(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var clock = new MovableClock(Instant.now());
        var store = new dev.tracklight.aws.store.NotificationStore(endpoint.clients().dynamoDb(), endpoint.table(), clock);
        String tenant = "tenant-" + UUID.randomUUID();
        var wanted = new dev.tracklight.core.notify.Subscriber(tenant, "shp_" + UUID.randomUUID(), dev.tracklight.core.notify.NotifyChannel.EMAIL,
                "Ann@Example.com", "en", false, "tok_" + UUID.randomUUID(), Instant.now());

        var kept = store.subscribe(wanted);
        var again = store.subscribe(new dev.tracklight.core.notify.Subscriber(tenant, wanted.shipmentId(), wanted.channel(), "ann@example.com",
                "en", false, "tok_other", Instant.now()));
        store.confirm(kept);

        assertThat(again.token()).as("the same address, however written, is one sign-up").isEqualTo(wanted.token());
        assertThat(store.findByToken(wanted.token())).hasValueSatisfying(found -> assertThat(found.confirmed()).isTrue());
        assertThat(store.heldFor(tenant, kept.lookupKey())).hasSize(1);
        // a moment claimed is busy until told; a claim cut off unsent (a timeout) is free again after its lease; told is told
        var shipped = dev.tracklight.core.notify.Moment.SHIPPED;
        var claims = new java.util.ArrayList<>(List.of(store.claim(kept, shipped), store.claim(kept, shipped)));
        clock.advance(Duration.ofSeconds(61));
        claims.add(store.claim(kept, shipped));
        store.markTold(kept, shipped);
        clock.advance(Duration.ofSeconds(61));
        claims.add(store.claim(kept, shipped));
        assertThat(claims).containsExactly(dev.tracklight.aws.store.NotificationStore.Claim.CLAIMED, dev.tracklight.aws.store.NotificationStore.Claim.BUSY,
                dev.tracklight.aws.store.NotificationStore.Claim.CLAIMED, dev.tracklight.aws.store.NotificationStore.Claim.TOLD);
        store.remove(kept);
        assertThat(store.findByToken(wanted.token())).isEmpty();
        assertThat(store.subscribers(wanted.shipmentId())).isEmpty();
        assertThat(store.heldFor(tenant, kept.lookupKey())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aSourcesCallsAreCountedAtomicallyUpToTheLimitOfTheWindow(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var quota = new SourceQuota(endpoint.clients().dynamoDb(), endpoint.table(), Clock.fixed(Instant.parse("2026-12-02T10:30:00Z"), ZoneOffset.UTC));
        String tenant = "tenant-" + UUID.randomUUID();
        RateLimit two = new RateLimit(2, Duration.ofMinutes(1));

        assertThat(List.of(quota.take(tenant, "ups", two), quota.take(tenant, "ups", two), quota.take(tenant, "ups", two)))
                .containsExactly(true, true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void duePollsAreFoundThroughTheDueHourIndex(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var schedule = new PollScheduleStore(endpoint.clients().dynamoDb(), endpoint.table());
        Instant hour = Instant.parse("2031-01-01T10:00:00Z").plusSeconds(3600L * (long) (Math.random() * 10_000));
        String due = "shp_" + UUID.randomUUID();
        String later = "shp_" + UUID.randomUUID();

        schedule.schedule(due, hour.plusSeconds(60));
        schedule.schedule(later, hour.plusSeconds(1800));

        assertThat(schedule.due(hour.plusSeconds(600), Duration.ofHours(1), Deadline.none())).containsExactly(due);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void queuedEventsCarryTheirTenantAndCorrelationIdAsMessageAttributes(Endpoint endpoint) {
        skipWhereAbsent(endpoint);
        var sqs = endpoint.clients().sqs();
        String queueUrl = sqs.createQueue(request -> request.queueName("contract-" + UUID.randomUUID())).queueUrl();
        var queue = new EventQueue(sqs, queueUrl);
        var event = new TrackingEvent("evt-1", "ups", "1Z999", Instant.parse("2026-12-02T10:00:00Z"), "+00:00", false,
                Instant.parse("2026-12-02T10:00:01Z"), Status.IN_TRANSIT, null, null, "IT", "Departed", null, "ups", null);
        new Telemetry("contract", new PrintStream(OutputStream.nullOutputStream()), StructuredLog.Level.ERROR)
                .around(null, "corr-contract-0001", () -> {
                    queue.sendAll(List.of(event), "tenant-a");
                    return null;
                });

        var received = sqs.receiveMessage(request -> request.queueUrl(queueUrl).messageAttributeNames("All").waitTimeSeconds(5)).messages();
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().messageAttributes().get(EventQueue.TENANT_ATTRIBUTE).stringValue()).isEqualTo("tenant-a");
        assertThat(received.getFirst().messageAttributes().get(Correlation.ATTRIBUTE).stringValue()).isEqualTo("corr-contract-0001");
        assertThat(received.getFirst().body()).contains("\"trackingNumber\":\"1Z999\"");
    }

    private static void skipWhereAbsent(Endpoint endpoint) {
        Assumptions.assumeTrue(endpoint.environment() != null, "moto_server is not on the PATH of this machine; only the local cloud's stand-ins were used");
    }

    /** moto_server on a free loopback port, with the template's table; an endpoint without environment where moto is absent. */
    private static synchronized Endpoint motoServer() throws Exception {
        if (moto == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            try {
                moto = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException absent) {
                System.out.println("SKIPPED moto_server: not on the PATH of this machine");
                return new Endpoint("moto_server (absent)", null);
            }
            awaitListening(port);
            motoEnvironment = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + port, "AWS_REGION", "us-east-1",
                    "TABLE_NAME", "tracklight-contract");
            var template = CloudTemplate.read(SharedCloud.template());
            TemplateTables.create(new Endpoint("moto", motoEnvironment).clients().dynamoDb(), "tracklight-contract",
                    template.resources(CloudTemplate.TABLE).values().iterator().next());
        }
        return new Endpoint("moto_server", motoEnvironment);
    }

    private static Map<String, String> motoEnvironment;

    private static void awaitListening(int port) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                assertThat(moto.isAlive()).as("moto_server exited before listening").isTrue();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("moto_server did not listen on " + port + " within 60 s");
    }
}
