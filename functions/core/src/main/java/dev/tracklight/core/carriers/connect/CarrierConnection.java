package dev.tracklight.core.carriers.connect;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Tracklight asks of a source with a tenant's account: register its push callback once, and follow a
 * number. One per connector folder ({@code carriers/<source>/<Source>Connection}), next to the parser of the
 * pushes it leads to.
 */
public interface CarrierConnection {

    String source();

    /** The credential names a tenant's account must hold for this source ("apiKey" …). */
    List<String> credentialNames();

    /** The carriers this source follows; empty when it follows any (an aggregator). */
    default List<String> carriers() {
        return List.of();
    }

    /**
     * Makes the source push to the tenant's endpoint ({@code callbackUrl}, signed with {@code callbackSecret}).
     * Called once per account, before its first subscription, for sources whose callback is per account.
     *
     * @return null when done, else why the source refused
     */
    default String registerCallback(Map<String, String> credentials, String callbackUrl, String callbackSecret) throws SourceUnavailable {
        return null; // most sources take their callback with each subscription, or in their dashboard
    }

    /** Follows the number at the source; a source that pushes nothing it can be asked for is polled. */
    default SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        return SubscribeResult.polled();
    }

    /**
     * Stops the source following a number whose shipment ended, so it stops pushing and charging for it. A source
     * that stops by itself (EasyPost, UPS's 14-day alerts) or that has no such call does nothing.
     *
     * @return null when stopped, else the source's words for why not (the shipment ends either way)
     */
    default String unsubscribe(SubscribeRequest request, String externalId) throws SourceUnavailable {
        return null;
    }

    /**
     * Whether the source can push to a tenant's endpoint (its connector folder parses its pushes): only then does a
     * tenant's account get an endpoint. USPS, asked only, does not.
     */
    default boolean pushes() {
        return true;
    }

    /**
     * The credential the source signs its pushes with, for sources that sign with the tenant's own key (17TRACK):
     * the tenant's endpoint then checks pushes against it. Empty when the source signs with a secret we give it.
     */
    default Optional<String> pushSignedWith() {
        return Optional.empty();
    }

    /** Calls one tenant's account may make to this source: its documented rate limit, else 60 a minute. */
    default RateLimit rateLimit() {
        return RateLimit.DEFAULT;
    }

    /**
     * Asks the source for the number's whole history now: the same events its pushes carry (parsed by the same
     * connector folder), so a polled and a pushed scan of one checkpoint are one event.
     *
     * @param externalId the source's id for the subscription, for sources that are asked by it
     */
    PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable;
}
