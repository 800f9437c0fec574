package dev.tracklight.core.eta;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UTC offset of countries that have one time zone, for placing a promised day before any scan has
 * told us the parcel's local time. Countries with several zones (US, RU, BR, AU, …) are left out.
 */
final class CountryOffsets {

    private static final Map<String, String> SINGLE_ZONE = Map.ofEntries(
            Map.entry("CN", "+08:00"), Map.entry("HK", "+08:00"), Map.entry("MO", "+08:00"), Map.entry("TW", "+08:00"),
            Map.entry("SG", "+08:00"), Map.entry("MY", "+08:00"), Map.entry("PH", "+08:00"), Map.entry("JP", "+09:00"),
            Map.entry("KR", "+09:00"), Map.entry("TH", "+07:00"), Map.entry("VN", "+07:00"), Map.entry("IN", "+05:30"),
            Map.entry("AE", "+04:00"), Map.entry("SA", "+03:00"), Map.entry("TR", "+03:00"));

    private CountryOffsets() {
    }

    static Optional<String> of(String country) {
        return country == null ? Optional.empty() : Optional.ofNullable(SINGLE_ZONE.get(country.trim().toUpperCase(Locale.ROOT)));
    }
}
