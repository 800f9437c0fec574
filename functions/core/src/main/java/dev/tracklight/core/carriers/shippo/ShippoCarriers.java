package dev.tracklight.core.carriers.shippo;

import dev.tracklight.core.carriers.CarrierTable;

/**
 * Shippo's carrier tokens ({@code data.carrier}; the {@code CarriersEnum} of Shippo's Java SDK and its
 * tracking-carriers page, docs/research/aggregator-carrier-codes.md §5) onto ours. Tokens are exact:
 * {@code hermes_uk} is Evri, {@code hermes_germany_b2c} is Hermes.
 */
public final class ShippoCarriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "usps", "usps", "ups", "ups", "fedex", "fedex",
            "dhl_express", "dhl", "dhl_germany", "dhl", "dhl_germany_c2c", "dhl", "deutsche_post", "dhl", "dhl_benelux", "dhl",
            "dhl_ecommerce", "dhl-ecommerce", "canada_post", "canada-post", "royal_mail", "royal-mail", "royal_mail_sf", "royal-mail",
            "parcelforce", "parcelforce", "australia_post", "australia-post", "ontrac", "ontrac", "lasership", "lasership",
            "colissimo", "post-fr", "la_poste", "post-fr", "chronopost", "chronopost", "hermes_uk", "evri",
            "hermes_germany_b2c", "hermes", "dpd_de", "dpd", "dpd_uk", "dpd", "gls_us", "gls", "purolator", "purolator",
            "aramex", "aramex", "fastway_australia", "aramex", "new_zealand_post", "post-nz", "poste_italiane", "post-it",
            "posti", "post-fi", "russian_post", "post-ru", "hongkong_post", "post-hk", "correos_espana", "post-es",
            "correios_br", "post-br", "bring", "post-no", "asendia_us", "asendia");

    private ShippoCarriers() {
    }
}
