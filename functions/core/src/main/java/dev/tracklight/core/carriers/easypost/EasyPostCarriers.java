package dev.tracklight.core.carriers.easypost;

import dev.tracklight.core.carriers.CarrierTable;

/**
 * EasyPost's carrier names (the tracker's {@code carrier}, as the {@code Carrier} enum of EasyPost's Java SDK
 * spells them; docs/research/aggregator-carrier-codes.md §2) onto our codes. Matched ignoring case, since
 * EasyPost writes both {@code LaserShip} and {@code Lasership}.
 */
public final class EasyPostCarriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "USPS", "usps", "UPS", "ups", "UPSMailInnovations", "ups", "UPSIparcel", "ups",
            "FedEx", "fedex", "FedExSmartPost", "fedex", "FedExCrossBorder", "fedex", "FedExMailview", "fedex", "FedExSameDayCity", "fedex",
            "DHLExpress", "dhl", "DeutschePost", "dhl", "DeutschePostUK", "dhl", "DHLPaket", "dhl",
            "DhlEcs", "dhl-ecommerce", "DHLEcommerceAsia", "dhl-ecommerce", "DHLeCommerce", "dhl-ecommerce",
            "CanadaPost", "canada-post", "RoyalMail", "royal-mail", "Parcelforce", "parcelforce",
            "AustraliaPost", "australia-post", "StarTrack", "startrack", "OnTrac", "ontrac", "LaserShip", "lasership",
            "LaPoste", "post-fr", "Chronopost", "chronopost", "JPPost", "post-jp", "PostNL", "post-nl",
            "DPD", "dpd", "DPDUK", "dpd", "InterlinkExpress", "dpd", "AmazonMws", "amazon", "Purolator", "purolator",
            "SFExpress", "sf-express", "Cainiao", "cainiao", "Yanwen", "yanwen", "Asendia", "asendia", "AsendiaUsa", "asendia",
            "KuronekoYamato", "yamato");

    private EasyPostCarriers() {
    }
}
