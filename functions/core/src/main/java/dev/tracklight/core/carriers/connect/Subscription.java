package dev.tracklight.core.carriers.connect;

import java.time.Instant;

/**
 * A shipment's subscription at the source that follows it for the tenant: what the source answered, kept so
 * the merchant (and, in plain words, the consumer) can see why a parcel does or does not move.
 *
 * @param source     the source asked (easypost, 17track …), or null when there was none to ask
 * @param externalId the source's own id for it (EasyPost's {@code trk_…}), once it has one
 * @param lastError  the source's own words when it refused, or why it could not be asked
 */
public record Subscription(String source, SubscriptionState state, String externalId, String lastError, Instant updatedAt) {

    public static Subscription requested(String source, Instant now) {
        return new Subscription(source, SubscriptionState.REQUESTED, null, null, now);
    }
}
