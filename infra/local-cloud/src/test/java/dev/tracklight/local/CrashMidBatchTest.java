package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.AnnouncementStore;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TallyStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.analytics.Counter;
import dev.tracklight.core.analytics.JourneyTally;
import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.analytics.TallyKey;
import dev.tracklight.core.analytics.TallyTail;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Delivery;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import dev.tracklight.local.invoke.LocalContext;
import dev.tracklight.process.ProcessEventsHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor killed in the middle of a batch, at every DynamoDB, EventBridge and SQS call it makes, then
 * the batch delivered again (a crashed Lambda returns nothing, so SQS redelivers all of it): nothing lost,
 * nothing doubled, the shipment in exactly the state of the sorted, de-duplicated stream, and announced.
 */
class CrashMidBatchTest {

    /** What a killed process looks like from inside: nothing catches it. */
    private static final class Killed extends Error {
        Killed() {
            super("processor killed", null, false, false);
        }
    }

    @Test
    void aProcessorKilledAtAnyCallLosesAndDoublesNothingAndAnnouncesOnRedelivery() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        FunctionEnvironment env = new FunctionEnvironment(cloud.environmentOf("ProcessEventsFunction"));
        AwsClients aws = new AwsClients(env);
        String table = env.require("TABLE_NAME");
        ShipmentStore store = new ShipmentStore(cloud.dynamoDb(), table);

        TallyStore figures = new TallyStore(cloud.dynamoDb(), table);
        int callsOfACleanRun = Integer.MAX_VALUE;
        for (int killAt = 1; killAt <= callsOfACleanRun; killAt++) {
            String number = SharedCloud.uniqueTrackingNumber();
            String shipmentId = (String) SharedCloud.register("sf-express", number).get("id");
            String tenantId = store.get(shipmentId).orElseThrow().tenantId();
            Tally before = figures.read(tenantId, STREAM_FROM, STREAM_TO);
            List<TrackingEvent> distinct = stream(number);
            SQSEvent batch = batch(List.of(distinct.get(3), distinct.get(0), distinct.get(2), distinct.get(0), distinct.get(1)));
            AtomicInteger calls = new AtomicInteger();
            int limit = killAt;
            DynamoDbClient dying = dyingAfter(cloud.dynamoDb(), DynamoDbClient.class, calls, limit);
            var crashing = new ProcessEventsHandler(new ShipmentTracker(new ShipmentStore(dying, table), new TimelineStore(dying, table, Clock.systemUTC()),
                    new AnnouncementStore(dying, table), new TallyStore(dying, table), new EtaModelStore(dying, table, Clock.systemUTC()),
                    new TenantSettingsStore(dying, table, Clock.systemUTC()),
                    new ShipmentEvents(dyingAfter(aws.eventBridge(), EventBridgeClient.class, calls, limit), env.require("EVENT_BUS_NAME")),
                    new SubscriptionRequests(dyingAfter(aws.sqs(), SqsClient.class, calls, limit), env.require("SUBSCRIPTIONS_QUEUE_URL")),
                    Clock.systemUTC()));
            var healthy = new ProcessEventsHandler(ShipmentTracker.wire(env, aws));

            boolean killed;
            try {
                crashing.handle(batch, new LocalContext("ProcessEventsFunction", Duration.ofSeconds(90)));
                killed = false;
            } catch (Killed expected) {
                killed = true;
            }
            if (!killed) {
                callsOfACleanRun = calls.get(); // every call site has now been a kill point
                continue;
            }
            assertThat(healthy.handle(batch, new LocalContext("ProcessEventsFunction", Duration.ofSeconds(90))).getBatchItemFailures())
                    .as("redelivery after a kill at call %d", killAt).isEmpty();
            // and once more, as SQS may deliver a batch that was handled: it must count nothing again
            assertThat(healthy.handle(batch, new LocalContext("ProcessEventsFunction", Duration.ofSeconds(90))).getBatchItemFailures()).isEmpty();

            Shipment shipment = store.get(shipmentId).orElseThrow();
            assertThat(new TimelineStore(cloud.dynamoDb(), table, Clock.systemUTC()).all(shipmentId)).as("kill at call %d", killAt).extracting(TrackingEvent::eventId)
                    .containsExactlyInAnyOrderElementsOf(distinct.stream().map(TrackingEvent::eventId).toList());
            assertThat(shipment.status()).as("kill at call %d", killAt).isEqualTo(ShipmentFold.fold(distinct).status());
            assertThat(shipment.eventCount()).isEqualTo(distinct.size());
            assertThat(shipment.lastEvent().eventId()).isEqualTo(distinct.getLast().eventId());
            assertThat(new AnnouncementStore(cloud.dynamoDb(), table).of(List.of(shipmentId)).get(shipmentId).version())
                    .as("kill at call %d: the version reached is announced", killAt).isEqualTo(shipment.version());
            assertThat(countedOnce(figures.read(tenantId, STREAM_FROM, STREAM_TO).minus(before)))
                    .as("kill at call %d: the figures hold the stream once", killAt)
                    .isEqualTo(countedOnce(JourneyTally.appended(shipment, TallyTail.NONE, distinct, Instant.MAX).tally()
                            .plus(JourneyTally.outcomes(Shipment.registered(tenantId, shipmentId, null, "sf-express", number, null,
                                    null, null, null, null, "t", shipment.createdAt()), shipment, Optional.of(new Delivery(shipment.milestones().handOff(),
                                    shipment.lastEvent().occurredAt(), ZoneOffset.ofHours(8), null)), Duration.ofDays(36_500)))));
        }
        assertThat(callsOfACleanRun).as("a clean run was reached").isBetween(5, 100);
    }

    /** The days of the stream below, which no other test's events fall on: the figures' change is this test's alone. */
    private static final LocalDate STREAM_FROM = LocalDate.parse("2024-02-27");
    private static final LocalDate STREAM_TO = LocalDate.parse("2024-03-01");

    /**
     * The counts that must hold each event and move once: all but those that depend on the clock (answered in
     * time) or on the estimate the engine happened to show (scored at delivery).
     */
    private static Tally countedOnce(Tally tally) {
        Set<String> clockBound = Set.of(Counter.RESPONDED_IN_TIME, Counter.ACCEPTED_ON_TIME, Counter.NO_PROMISE, Counter.ETA_SCORED,
                Counter.ETA_INSIDE, Counter.ETA_ERROR_MINUTES, Counter.LAST_MILE_SCORED, Counter.LAST_MILE_ACCURATE);
        Map<TallyKey, Map<String, Long>> kept = new LinkedHashMap<>();
        tally.counts().forEach((key, counts) -> counts.forEach((name, amount) -> {
            if (!clockBound.contains(name)) {
                kept.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name, amount);
            }
        }));
        return Tally.of(kept);
    }

    private static List<TrackingEvent> stream(String number) throws Exception {
        String body = "{\"carrier\":\"sf-express\",\"trackingNumber\":\"" + number + "\",\"events\":["
                + "{\"status\":\"PICKED_UP\",\"code\":\"50\",\"message\":\"picked up\",\"occurredAt\":\"2024-02-28T09:00:00+08:00\"},"
                + "{\"status\":\"IN_TRANSIT\",\"code\":\"30\",\"message\":\"departed\",\"occurredAt\":\"2024-02-28T20:00:00+08:00\"},"
                + "{\"status\":\"OUT_FOR_DELIVERY\",\"code\":\"44\",\"message\":\"out\",\"occurredAt\":\"2024-02-29T08:00:00+08:00\"},"
                + "{\"status\":\"DELIVERED\",\"code\":\"80\",\"message\":\"signed\",\"occurredAt\":\"2024-02-29T15:00:00+08:00\"}]}";
        return new TracklightAdapter(Clock.systemUTC()).parse(new WebhookRequest(Map.of(), body, Instant.now()));
    }

    private static SQSEvent batch(List<TrackingEvent> events) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(Json.write(events.get(i)));
            message.setMessageAttributes(Map.of());
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** The real client, until call number {@code limit} of all the clients sharing {@code calls}, where the process "dies" before it. */
    private static <T> T dyingAfter(T real, Class<T> type, AtomicInteger calls, int limit) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class && !method.getName().equals("close")
                            && !method.getName().equals("serviceName") && calls.incrementAndGet() == limit) {
                        throw new Killed();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
