package dev.tracklight.core.geo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    /** Single-zone countries whose offset changes with daylight saving: the offset depends on the date. */
    private static final Map<String, ZoneId> SINGLE_ZONE_WITH_DST = Map.ofEntries(
            Map.entry("DE", ZoneId.of("Europe/Berlin")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("BE", ZoneId.of("Europe/Brussels")), Map.entry("AT", ZoneId.of("Europe/Vienna")),
            Map.entry("CH", ZoneId.of("Europe/Zurich")), Map.entry("CZ", ZoneId.of("Europe/Prague")),
            Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("IT", ZoneId.of("Europe/Rome")), Map.entry("DK", ZoneId.of("Europe/Copenhagen")),
            Map.entry("SE", ZoneId.of("Europe/Stockholm")), Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")), Map.entry("LU", ZoneId.of("Europe/Luxembourg")));

    private CountryOffsets() {
    }

    /** @param country ISO 3166 alpha-2 or alpha-3 code */
    public static Optional<String> of(String country) {
        return Countries.alpha2(country).map(SINGLE_ZONE::get);
    }

    /** The offset a single-zone country had at this local time, daylight saving included. */
    public static Optional<ZoneOffset> at(String country, LocalDateTime local) {
        Optional<String> fixed = of(country);
        if (fixed.isPresent()) {
            return fixed.map(ZoneOffset::of);
        }
        return Countries.alpha2(country).map(SINGLE_ZONE_WITH_DST::get).map(zone -> zone.getRules().getOffset(local));
    }
}
