package dev.tracklight.local;

import dev.tracklight.aws.bus.ShipmentEvents;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.delay.StageSla;
import dev.tracklight.watchdog.SlaWatchdog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchdog finds stalled shipments through the due-hour index and reports each once. */
class WatchdogTest {

    @Test
    void aShipmentWithoutScansPastItsSlaIsReportedOnce() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        String shipmentId = (String) SharedCloud.register("ups", SharedCloud.uniqueTrackingNumber()).get("id");
        ShipmentStore store = new ShipmentStore(cloud.dynamoDb(), SharedCloud.table());
        var env = cloud.environmentOf("SlaWatchdogFunction");
        try (EventBridgeClient bus = EventBridgeClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_EVENTBRIDGE"))).build()) {
            ShipmentEvents events = new ShipmentEvents(bus, env.get("EVENT_BUS_NAME"));
            Instant createdAt = store.get(shipmentId).orElseThrow().createdAt();
            Instant dueAt = createdAt.plus(StageSla.DEFAULT.limit(Stage.FIRST_MILE)); // registered, never scanned

            // GIVEN it is not due yet
            new SlaWatchdog(store, events, at(dueAt.minus(Duration.ofHours(1)))).run(); // other tests' shipments may be due
            assertThat(store.dueIn(dueAt, dueAt.plus(Duration.ofHours(1)))).as("still waiting")
                    .anyMatch(due -> due.shipmentId().equals(shipmentId));

            // WHEN its SLA has run out, it is reported once, then no more
            SlaWatchdog late = new SlaWatchdog(store, events, at(dueAt.plus(Duration.ofHours(1))));
            assertThat(late.run()).isGreaterThanOrEqualTo(1);
            assertThat(store.dueIn(dueAt, dueAt.plus(Duration.ofHours(1))))
                    .noneMatch(due -> due.shipmentId().equals(shipmentId));
        }
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
