package dev.tracklight.core.channels.registry;

import dev.tracklight.core.channels.ChannelAdapter;
import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.channels.generic.GenericChannelAdapter;
import dev.tracklight.core.channels.shopify.ShopifyAdapter;
import dev.tracklight.core.channels.woocommerce.WooCommerceAdapter;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Every sales channel Tracklight takes webhooks from; their names never collide with carrier sources. */
public final class ChannelAdapters {

    private static final Set<String> NAMES = Set.of(ShopifyAdapter.CHANNEL, WooCommerceAdapter.CHANNEL, GenericChannelAdapter.CHANNEL);

    private ChannelAdapters() {
    }

    public static List<ChannelAdapter> all(Clock clock) {
        return List.of(new ShopifyAdapter(), new WooCommerceAdapter(), new GenericChannelAdapter(new TracklightAdapter(clock)));
    }

    public static boolean isChannel(String name) {
        return NAMES.contains(name);
    }
}
