package dev.tracklight.core.carriers.aftership;

import dev.tracklight.core.carriers.CarrierTable;

/**
 * AfterShip courier slugs ({@code msg.slug}) onto our carrier codes, from the courier list AfterShip ships
 * with its own WooCommerce app (docs/research/aggregator-carrier-codes.md §1). Slugs that are already our
 * code ("ups", "yto", "sto", "cainiao"…) need no row.
 */
public final class AfterShipCarriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "ups-api", "ups", "ups-mi", "ups", "ups-freight", "ups",
            "usps-api", "usps", "usps-webhook", "usps",
            "fedex-api", "fedex", "fedex-uk", "fedex", "fedex-crossborder", "fedex", "fedex-fims", "fedex", "fedex-freight", "fedex",
            "dhl-api", "dhl", "dhl-pieceid", "dhl", "dhl-sftp", "dhl", "dhl-germany", "dhl", "deutsch-post", "dhl",
            "dhlparcel-nl", "dhl", "dhlparcel-uk", "dhl", "dhlparcel-es", "dhl", "dhl-benelux", "dhl", "dhl-poland", "dhl", "dhl-es", "dhl",
            "dhl-global-mail", "dhl-ecommerce", "dhl-global-mail-api", "dhl-ecommerce", "dhl-global-mail-asia", "dhl-ecommerce",
            "dhl-global-mail-asia-api", "dhl-ecommerce", "dhl-ecommerce-gc", "dhl-ecommerce",
            "sf-express-api", "sf-express", "sf-express-cn", "sf-express", "sf-express-webhook", "sf-express", "sfb2c", "sf-express",
            "jd-express", "jd", "jd-worldwide", "jd", "zto-domestic", "zto", "zto-express", "zto", "yundaex", "yunda",
            "china-ems", "ems",
            "jtexpress", "jt-express", "jtexpress-ph", "jt-express", "jtexpress-vn", "jt-express", "jtexpress-sg-api", "jt-express",
            "simplypost", "jt-express", "jt-logistics", "jt-express",
            "royal-mail-webhook", "royal-mail", "royal-mail-ftp", "royal-mail", "parcel-force", "parcelforce",
            "australia-post-api", "australia-post", "star-track", "startrack", "star-track-express", "startrack",
            "lasership-api", "lasership", "la-poste-colissimo", "post-fr", "colissimo", "post-fr", "chronopost-france", "chronopost",
            "japan-post", "post-jp", "postnl", "post-nl", "postnl-international", "post-nl", "postnl-3s", "post-nl",
            "dpd-de", "dpd", "dpd-uk", "dpd", "dpd-nl", "dpd", "dpd-poland", "dpd", "dpd-ireland", "dpd", "exapaq", "dpd",
            "interlink-express", "dpd", "gls-italy", "gls", "gls-spain", "gls", "gls-netherlands", "gls", "gls-us", "gls",
            "hermes-de", "hermes", "myhermes-uk", "evri", "myhermes-uk-api", "evri",
            "amazon-logistics", "amazon", "amazon-logistics-uk", "amazon", "amazon-fba-us", "amazon",
            "purolator-international", "purolator", "aramex-api", "aramex", "fastway-au", "aramex",
            "tnt-uk", "tnt", "tnt-fr", "tnt", "tnt-it", "tnt", "tnt-au", "tnt", "800bestex", "best-express",
            "poste-italiane", "post-it", "swiss-post", "post-ch", "new-zealand-post", "post-nz", "hong-kong-post", "post-hk",
            "russian-post", "post-ru", "spain-correos-es", "post-es", "posti", "post-fi", "bpost", "post-be", "an-post", "post-ie",
            "sweden-posten", "post-se", "danmark-post", "post-dk", "poczta-polska", "post-pl", "india-post", "post-in",
            "singapore-post", "post-sg", "kpost", "post-kr");

    private AfterShipCarriers() {
    }
}
