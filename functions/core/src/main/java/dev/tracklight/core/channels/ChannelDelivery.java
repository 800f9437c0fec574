package dev.tracklight.core.channels;

import java.util.List;

/**
 * One webhook delivery from a sales channel: its id (a platform re-sends the same delivery under the same
 * id, which is how a repeat is recognised), its topic, and what it says.
 */
public record ChannelDelivery(String deliveryId, String topic, List<ChannelChange> changes) {
}
