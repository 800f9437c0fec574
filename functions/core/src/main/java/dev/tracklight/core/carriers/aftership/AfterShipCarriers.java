package dev.tracklight.core.carriers.aftership;

import java.util.Locale;
import java.util.Map;

/** AfterShip courier slugs onto our carrier codes; unknown slugs are kept as AfterShip writes them. */
final class AfterShipCarriers {

    /** Only the slugs that differ from our codes; "ups", "fedex", "sf-express", "yto"… are the same. */
    private static final Map<String, String> CODES = Map.of("zto-express", "zto", "china-ems", "ems");

    private AfterShipCarriers() {
    }

    static String code(String slug) {
        String key = slug.trim().toLowerCase(Locale.ROOT);
        return CODES.getOrDefault(key, key);
    }
}
