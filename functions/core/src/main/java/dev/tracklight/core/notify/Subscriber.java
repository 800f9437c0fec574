package dev.tracklight.core.notify;

import dev.tracklight.core.model.Contact;

import java.time.Instant;

/**
 * A consumer who asked for a parcel's updates: where to (an e-mail address or an E.164 phone number), in which
 * language, and whether they confirmed (double opt-in: nothing but the confirmation is sent before). The token is in
 * every link of every message: it confirms and unsubscribes, and names nothing else.
 */
public record Subscriber(String tenantId, String shipmentId, NotifyChannel channel, String address, String locale, boolean confirmed, String token,
                         Instant createdAt) {

    /** What finds this subscriber for a privacy request: the hashed e-mail or phone, as {@code Contact} hashes a recipient's. */
    public String lookupKey() {
        return (channel == NotifyChannel.EMAIL ? Contact.emailKey(address) : Contact.phoneKey(address)).orElseThrow();
    }

    public Subscriber confirm() {
        return new Subscriber(tenantId, shipmentId, channel, address, locale, true, token, createdAt);
    }
}
