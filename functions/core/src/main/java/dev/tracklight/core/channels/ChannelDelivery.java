package dev.tracklight.core.channels;

import dev.tracklight.core.ids.Sha256;

import java.util.List;

/**
 * One webhook delivery from a sales channel: its id (a platform re-sends the same delivery under the same
 * id, which is how a repeat is recognised) and what it says.
 */
public record ChannelDelivery(String deliveryId, List<ChannelChange> changes) {

    /** The delivery under the platform's id, or the body's hash when the platform sends none. */
    public static ChannelDelivery of(String platformId, String body, List<ChannelChange> changes) {
        return new ChannelDelivery(platformId != null ? platformId : "sha256:" + Sha256.hex(body), changes);
    }
}
