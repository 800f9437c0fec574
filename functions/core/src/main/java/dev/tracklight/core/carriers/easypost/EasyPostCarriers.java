package dev.tracklight.core.carriers.easypost;

import java.util.Locale;
import java.util.Map;

/** EasyPost names carriers by display name ("FedEx", "DHLExpress"); ours are lower-case codes. */
final class EasyPostCarriers {

    private static final Map<String, String> CODES = Map.of(
            "FedEx", "fedex", "UPS", "ups", "USPS", "usps", "DHLExpress", "dhl", "DHLeCommerce", "dhl-ecommerce",
            "CanadaPost", "canada-post", "RoyalMail", "royal-mail", "AustraliaPost", "australia-post", "OnTrac", "ontrac",
            "LaserShip", "lasership");

    private EasyPostCarriers() {
    }

    static String code(String easyPostName) {
        return CODES.getOrDefault(easyPostName, easyPostName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
