package dev.tracklight.core.carriers;

import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.util.List;
import java.util.Set;

/**
 * One webhook source (a carrier or an aggregator) in its native format: checks authenticity the way the
 * source documents it, then turns the body into canonical events.
 */
public interface CarrierAdapter {

    /** The path segment of {@code POST /webhooks/carriers/{source}}. */
    String source();

    /** The media types this source posts; anything else is refused with 415. */
    default Set<String> mediaTypes() {
        return Set.of("application/json");
    }

    /** Throws a 401 problem unless the request was signed with {@code secret}. */
    void verify(WebhookRequest request, String secret) throws ProblemException;

    /** Throws a 400 problem saying what is wrong when the body is not this source's format. */
    List<TrackingEvent> parse(WebhookRequest request) throws ProblemException;

    /** The answer the source expects once the events are queued. */
    default Acknowledgement acknowledge(List<TrackingEvent> queued) {
        return Acknowledgement.accepted(queued);
    }
}
