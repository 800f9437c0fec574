package dev.tracklight.core.carriers;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.TrackingEvent;

import java.util.List;
import java.util.Map;

/**
 * What a source is answered once its events are queued. Most accept any 2xx; some parse the body
 * (Kuaidi100 wants {@code {"result":true,"returnCode":"200",...}}) and retry without it.
 */
public record Acknowledgement(int status, String contentType, String body) {

    /** Tracklight's own answer: 202 with how many events were queued and their ids. */
    public static Acknowledgement accepted(List<TrackingEvent> events) {
        return new Acknowledgement(202, "application/json", Json.write(Map.of(
                "accepted", events.size(), "eventIds", events.stream().map(TrackingEvent::eventId).toList())));
    }

    /** The same body with 200, for sources that document 200 as the only success (UPS, DHL). */
    public static Acknowledgement ok(List<TrackingEvent> events) {
        Acknowledgement accepted = accepted(events);
        return new Acknowledgement(200, accepted.contentType(), accepted.body());
    }
}
