package dev.tracklight.process;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.queue.CorrelationAttribute;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.tracking.ShipmentTracker.NumberEvents;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SQS batch of queued events, grouped by tracking number and the endpoint's tenant, so each number's
 * events are folded together; the messages that are no tracking event are kept apart, to be reported failed.
 */
record QueuedEvents(Map<NumberEvents, List<SQSEvent.SQSMessage>> byNumber, List<Unreadable> unreadable) {

    /** A message whose body is no tracking event, and why. */
    record Unreadable(SQSEvent.SQSMessage message, RuntimeException why) {
    }

    static QueuedEvents of(SQSEvent batch) {
        Map<Stream, List<SQSEvent.SQSMessage>> messages = new LinkedHashMap<>();
        Map<Stream, List<TrackingEvent>> events = new LinkedHashMap<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (SQSEvent.SQSMessage message : batch.getRecords()) {
            try {
                TrackingEvent event = Json.read(message.getBody(), TrackingEvent.class);
                Stream stream = new Stream(event.carrier(), event.trackingNumber(), tenantOf(message));
                messages.computeIfAbsent(stream, key -> new ArrayList<>()).add(message);
                events.computeIfAbsent(stream, key -> new ArrayList<>()).add(event);
            } catch (RuntimeException e) {
                unreadable.add(new Unreadable(message, e));
            }
        }
        Map<NumberEvents, List<SQSEvent.SQSMessage>> byNumber = new LinkedHashMap<>();
        // each number's change is announced under its newest webhook's id
        messages.forEach((stream, of) -> byNumber.put(new NumberEvents(stream.carrier(), stream.trackingNumber(), stream.tenantId(),
                events.get(stream), CorrelationAttribute.of(of.getLast())), of));
        return new QueuedEvents(byNumber, unreadable);
    }

    /** The events of one tracking number as received through one tenant's endpoint (tenant null: platform-wide). */
    private record Stream(String carrier, String trackingNumber, String tenantId) {
    }

    private static String tenantOf(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var tenant = attributes == null ? null : attributes.get(EventQueue.TENANT_ATTRIBUTE);
        return tenant == null ? null : tenant.getStringValue();
    }
}
