package dev.tracklight.core.channels;

import java.util.Locale;
import java.util.Map;

/**
 * Carrier names as sales channels send them (Shopify's {@code tracking_company} list, WooCommerce Shipment
 * Tracking's provider names and slugs; events/channels/README.md) mapped to our carrier codes. A name not
 * here is left to the tracking number's shape.
 */
public final class ChannelCarriers {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("ups", "ups"), Map.entry("usps", "usps"), Map.entry("fedex", "fedex"),
            Map.entry("dhl express", "dhl"), Map.entry("dhl", "dhl"), Map.entry("dhl-us", "dhl"),
            Map.entry("dhl ecommerce", "dhl-ecommerce"), Map.entry("china post", "china-post"),
            Map.entry("china-post", "china-post"), Map.entry("china ems", "china-ems"), Map.entry("sf express", "sf-express"),
            Map.entry("sf-express", "sf-express"), Map.entry("yto express", "yto"), Map.entry("zto express", "zto"),
            Map.entry("yunda express", "yunda"), Map.entry("jd logistics", "jd"), Map.entry("4px", "4px"),
            Map.entry("canada post", "canada-post"), Map.entry("royal mail", "royal-mail"), Map.entry("yunexpress", "yunexpress"));

    private ChannelCarriers() {
    }

    /** Our code for the channel's carrier name, or null when we do not know the name. */
    public static String code(String carrierName) {
        return carrierName == null ? null : CODES.get(carrierName.trim().toLowerCase(Locale.ROOT));
    }
}
