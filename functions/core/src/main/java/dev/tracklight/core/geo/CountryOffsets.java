package dev.tracklight.core.geo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UTC offset of countries that have one time zone, for local times given without an offset and for
 * placing a promised day before any scan. Countries with several zones (US, RU, BR, AU, …) are left out.
 */
public final class CountryOffsets {

    private static final Map<String, String> SINGLE_ZONE = Map.ofEntries(
            Map.entry("CN", "+08:00"), Map.entry("HK", "+08:00"), Map.entry("MO", "+08:00"), Map.entry("TW", "+08:00"),
            Map.entry("SG", "+08:00"), Map.entry("MY", "+08:00"), Map.entry("PH", "+08:00"), Map.entry("JP", "+09:00"),
            Map.entry("KR", "+09:00"), Map.entry("TH", "+07:00"), Map.entry("VN", "+07:00"), Map.entry("IN", "+05:30"),
            Map.entry("AE", "+04:00"), Map.entry("SA", "+03:00"), Map.entry("TR", "+03:00"));

    private CountryOffsets() {
    }

    /** @param country ISO 3166 alpha-2 or alpha-3 code */
    public static Optional<String> of(String country) {
        return Countries.alpha2(country).map(SINGLE_ZONE::get);
    }
}
