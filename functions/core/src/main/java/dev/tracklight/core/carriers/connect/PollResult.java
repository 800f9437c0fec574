package dev.tracklight.core.carriers.connect;

import dev.tracklight.core.model.TrackingEvent;

import java.util.List;

/**
 * What a source said when asked about a number: its events (state {@code POLLED} or {@code ACTIVE}), or that it
 * refused the number or the credentials, in its own words.
 */
public record PollResult(SubscriptionState state, List<TrackingEvent> events, String message) {

    public PollResult {
        events = List.copyOf(events);
    }

    public static PollResult events(List<TrackingEvent> events) {
        return new PollResult(SubscriptionState.POLLED, events, null);
    }

    public static PollResult refused(SubscriptionState state, String message) {
        return new PollResult(state, List.of(), message);
    }
}
