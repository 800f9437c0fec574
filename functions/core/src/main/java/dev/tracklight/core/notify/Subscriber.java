package dev.tracklight.core.notify;

import java.time.Instant;

/**
 * A consumer who asked for a parcel's updates: where to (an e-mail address or an E.164 phone number), in which
 * language, and whether they confirmed (double opt-in: nothing but the confirmation is sent before). The token is in
 * every link of every message: it confirms and unsubscribes, and names nothing else.
 */
public record Subscriber(String shipmentId, NotifyChannel channel, String address, String locale, boolean confirmed, String token,
                         Instant createdAt) {

    public Subscriber confirm() {
        return new Subscriber(shipmentId, channel, address, locale, true, token, createdAt);
    }
}
