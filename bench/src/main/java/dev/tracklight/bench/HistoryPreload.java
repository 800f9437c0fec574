package dev.tracklight.bench;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.local.LocalCloud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the bench's shipments a history before the run, through the processor's own tracker in this JVM
 * (not through webhooks, which would take minutes for 500 events a shipment): the run then measures what
 * one more event costs on a shipment that already has that many.
 */
final class HistoryPreload {

    private HistoryPreload() {
    }

    static void give(LocalCloud cloud, List<String> shipmentIds, String carrier, List<String> numbers, int events) {
        FunctionEnvironment env = new FunctionEnvironment(cloud.environmentOf("ProcessEventsFunction"));
        AwsClients aws = new AwsClients(env);
        ShipmentTracker tracker = ShipmentTracker.wire(env, aws);
        ShipmentStore shipments = new ShipmentStore(aws.dynamoDb(), env.require("TABLE_NAME"));
        Instant start = Instant.now().minus(Duration.ofMinutes(events + 1L));
        for (int s = 0; s < shipmentIds.size(); s++) {
            List<TrackingEvent> history = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                Instant at = start.plus(Duration.ofMinutes(i));
                String code = "history-" + i;
                history.add(new TrackingEvent(EventIds.of(carrier, numbers.get(s), code, at, null), carrier, numbers.get(s), at, "+00:00",
                        false, at, i == 0 ? Status.PICKED_UP : Status.IN_TRANSIT, null, null, code, "history " + i, null, "bench", null));
            }
            tracker.add(shipments.get(shipmentIds.get(s)).orElseThrow(), history);
        }
    }
}
