package dev.tracklight.local;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.queue.SubscriptionRequests;
import dev.tracklight.aws.store.AnnouncementStore;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TallyStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.store.TimelineStore;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.delay.StageSla;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.watchdog.SlaWatchdog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog finds shipments that went without a scan through the due-hour index, and the tracker
 * judges them as it judges a scan: STALLED once, announced once, shown on the page, per-tenant SLAs.
 */
class WatchdogTest {

    /** The real local bus, with a note of every entry put on it. */
    private record RecordingBus(EventBridgeClient bus, List<PutEventsRequestEntry> sent) implements EventBridgeClient {
        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            sent.addAll(request.entries());
            return bus.putEvents(request);
        }

        List<String> sentFor(String shipmentId) {
            return sent.stream().filter(entry -> entry.detail().contains(shipmentId)).map(PutEventsRequestEntry::detailType)
                    .filter(type -> !type.equals(ShipmentEvents.SHIPMENT_UPDATED)).toList();
        }

        @Override
        public String serviceName() {
            return bus.serviceName();
        }

        @Override
        public void close() {
            bus.close();
        }
    }

    private static RecordingBus bus() throws Exception {
        var env = SharedCloud.get().environmentOf("SlaWatchdogFunction");
        return new RecordingBus(EventBridgeClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_EVENTBRIDGE"))).build(), new CopyOnWriteArrayList<>());
    }

    private static SlaWatchdog watchdogAt(Instant now, RecordingBus bus) throws Exception {
        return new SlaWatchdog(store(), trackerAt(now, bus), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ShipmentTracker trackerAt(Instant now, RecordingBus bus) throws Exception {
        var cloud = SharedCloud.get();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        String table = SharedCloud.table();
        return new ShipmentTracker(store(), new TimelineStore(cloud.dynamoDb(), table, clock), new AnnouncementStore(cloud.dynamoDb(), table), new TallyStore(cloud.dynamoDb(), table),
                new EtaModelStore(cloud.dynamoDb(), table, clock), new TenantSettingsStore(cloud.dynamoDb(), table, clock),
                new ShipmentEvents(bus, cloud.environmentOf("SlaWatchdogFunction").get("EVENT_BUS_NAME")),
                new SubscriptionRequests(cloud.sqs(), cloud.queueUrl("SubscriptionsQueue")), clock);
    }

    private static ShipmentStore store() throws Exception {
        return new ShipmentStore(SharedCloud.get().dynamoDb(), SharedCloud.table());
    }

    @Test
    void aShipmentWithoutScansPastItsSlaIsJudgedStalledOnceAnnouncedAndShownOnThePage() throws Exception {
        Map<?, ?> registered = SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber());
        String shipmentId = (String) registered.get("id");
        Instant createdAt = store().get(shipmentId).orElseThrow().createdAt();
        Instant dueAt = createdAt.plus(StageSla.DEFAULT.limit(Stage.FIRST_MILE)); // registered, never scanned
        try (RecordingBus bus = bus()) {
            // GIVEN it is not due yet
            watchdogAt(dueAt.minus(Duration.ofHours(1)), bus).run(Deadline.none()); // other tests' shipments may be due
            assertThat(store().due(dueAt.plus(Duration.ofHours(1)), Duration.ofHours(2), Deadline.none())).as("still waiting").contains(shipmentId);
            assertThat(bus.sentFor(shipmentId)).isEmpty();

            // WHEN its SLA has run out, twice
            Instant firstRun = dueAt.plus(Duration.ofMinutes(5));
            watchdogAt(firstRun, bus).run(Deadline.none());
            watchdogAt(firstRun.plus(Duration.ofMinutes(5)), bus).run(Deadline.none());

            // THEN it is STALLED since the first run, announced once, off that due hour, and the page says so
            Shipment stalled = store().get(shipmentId).orElseThrow();
            assertThat(stalled.delay().status()).isEqualTo(DelayStatus.STALLED);
            assertThat(stalled.delay().detectedAt()).isEqualTo(firstRun);
            assertThat(bus.sentFor(shipmentId)).containsExactly(ShipmentEvents.SHIPMENT_DELAYED);
            assertThat(store().due(dueAt.plus(Duration.ofHours(1)), Duration.ofHours(2), Deadline.none())).doesNotContain(shipmentId);
            Map<?, ?> page = Json.read(SharedCloud.client().track(SharedCloud.tokenOf(registered)).body(), Map.class);
            assertThat(((Map<?, ?>) page.get("delay")).get("status")).isEqualTo("STALLED");

            // AND a scan puts it back on track, announced once
            TrackingEvent scan = scan(stalled, firstRun.plus(Duration.ofHours(1)));
            trackerAt(firstRun.plus(Duration.ofHours(2)), bus).add(store().get(shipmentId).orElseThrow(), List.of(scan));
            assertThat(store().get(shipmentId).orElseThrow().delay()).as("no promise: nothing to judge but the SLA").isNull();
            assertThat(bus.sentFor(shipmentId)).containsExactly(ShipmentEvents.SHIPMENT_DELAYED, ShipmentEvents.SHIPMENT_BACK_ON_TRACK);
        }
    }

    @Test
    void aTenantsOwnStageSlaDecidesWhenItsShipmentsStall() throws Exception {
        // GIVEN a tenant that allows only 2 hours before the first scan
        String apiKey = new ApiKeyStore(SharedCloud.get().dynamoDb(), SharedCloud.table()).issue("tenant-strict-sla");
        var put = SharedCloud.client().merchant("PUT", "/v1/settings", apiKey, "{\"stageSlaHours\":{\"FIRST_MILE\":2}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String strict = (String) SharedCloud.register(apiKey, "ups", SharedCloud.uniqueTrackingNumber()).get("id");
        String lenient = (String) SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber()).get("id");
        Instant createdAt = store().get(strict).orElseThrow().createdAt();

        // WHEN the watchdog runs three hours later
        try (RecordingBus bus = bus()) {
            watchdogAt(createdAt.plus(Duration.ofHours(3)), bus).run(Deadline.none());

            // THEN only the strict tenant's shipment stalled
            assertThat(store().get(strict).orElseThrow().delay().status()).isEqualTo(DelayStatus.STALLED);
            assertThat(store().get(strict).orElseThrow().delay().stageLimitHours()).isEqualTo(2);
            assertThat(store().get(lenient).orElseThrow().delay()).isNull();
            assertThat(bus.sentFor(strict)).containsExactly(ShipmentEvents.SHIPMENT_DELAYED);
        }
    }

    private static TrackingEvent scan(Shipment shipment, Instant at) {
        return new TrackingEvent(EventIds.of("ups", shipment.trackingNumber(), "AR", at, null), "ups", shipment.trackingNumber(), at,
                "+00:00", false, at, Status.IN_TRANSIT, null, null, "AR", "Arrived at facility", null, "test", null);
    }
}
