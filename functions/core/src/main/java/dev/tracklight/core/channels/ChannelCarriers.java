package dev.tracklight.core.channels;

import dev.tracklight.core.carriers.CarrierTable;

/**
 * Carrier names as sales channels send them (Shopify's {@code tracking_company} list, WooCommerce Shipment
 * Tracking's provider names and slugs; events/channels/README.md) mapped to our carrier codes. A name not
 * here is left to the tracking number's shape.
 */
public final class ChannelCarriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "ups", "ups", "usps", "usps", "fedex", "fedex", "dhl express", "dhl", "dhl", "dhl", "dhl-us", "dhl",
            "dhl ecommerce", "dhl-ecommerce", "china post", "china-post", "china-post", "china-post", "china ems", "ems",
            "sf express", "sf-express", "sf-express", "sf-express", "yto express", "yto", "zto express", "zto",
            "yunda express", "yunda", "jd logistics", "jd", "4px", "4px", "canada post", "canada-post", "royal mail", "royal-mail",
            "yunexpress", "yunexpress");

    private ChannelCarriers() {
    }

    /** Our code for the channel's carrier name, or null when we do not know the name. */
    public static String code(String carrierName) {
        return TABLE.known(carrierName).orElse(null);
    }
}
