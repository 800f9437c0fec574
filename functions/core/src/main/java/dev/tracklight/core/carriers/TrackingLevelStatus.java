package dev.tracklight.core.carriers;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The status an aggregator gives the whole tracking, next to its checkpoints. The two are kept apart and the
 * list is not promised to hold the latest: a push may say delivered with no checkpoint at all, or with only a
 * pre-transit one (EasyPost's own test tracker). When that status ends the shipment and no checkpoint carries
 * it, one event stands for it, so the push is not lost.
 */
public final class TrackingLevelStatus {

    private TrackingLevelStatus() {
    }

    /**
     * @param status  the tracking-level status mapped to ours, or null when it maps to none
     * @param rawCode the source's word for it ("Delivered", "delivered", "DELIVERED")
     * @param at      when the source says the status was reached, or null (or an implausible time) when it does
     *                not say: the event is then at the receipt, marked inferred, and its id leaves the receipt
     *                out so that the same push sent again adds nothing
     * @return the checkpoints, with that event last when it is needed
     */
    public static List<TrackingEvent> completed(List<TrackingEvent> checkpoints, Status status, String rawCode, OffsetDateTime at,
                                                String carrier, String trackingNumber, String source, Instant receivedAt) {
        if (status == null || !status.isTerminal() || checkpoints.stream().anyMatch(event -> event.status() == status)) {
            return checkpoints;
        }
        boolean known = at != null && !at.toInstant().isBefore(Bounds.EARLIEST)
                && !at.toInstant().isAfter(receivedAt.plus(Bounds.EVENT_MAX_AHEAD));
        Instant occurredAt = known ? at.toInstant() : receivedAt;
        String eventId = EventIds.of(carrier, trackingNumber, rawCode, known ? occurredAt : Instant.EPOCH, "tracking-level status");
        List<TrackingEvent> events = new ArrayList<>(checkpoints);
        events.add(new TrackingEvent(eventId, carrier, trackingNumber, occurredAt, known ? JsonBody.offsetId(at) : "+00:00", !known,
                receivedAt, status, null, null, rawCode, null, null, source, null));
        return events;
    }
}
