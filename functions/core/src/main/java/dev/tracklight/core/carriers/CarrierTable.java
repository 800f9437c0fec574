package dev.tracklight.core.carriers;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One source's names for carriers mapped onto {@link CarrierCodes}. Names are matched ignoring case and
 * surrounding blanks but otherwise exactly: Shippo's {@code hermes_uk} and {@code dhl_germany} are tokens,
 * not words to slug first.
 */
public final class CarrierTable {

    private final Map<String, String> codes;

    private CarrierTable(Map<String, String> codes) {
        this.codes = codes;
    }

    /** @param pairs name, code, name, code… */
    public static CarrierTable of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and codes come in pairs");
        }
        Map<String, String> codes = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (codes.put(key(pairs[i]), pairs[i + 1]) != null) {
                throw new IllegalArgumentException("'" + pairs[i] + "' is in the table twice");
            }
        }
        return new CarrierTable(Map.copyOf(codes));
    }

    /** Our code for the name, when the table has it. */
    public Optional<String> known(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(codes.get(key(name)));
    }

    /** Our code for the name, or its {@link CarrierCodes#slug} when the table does not have it. */
    public String code(String name) {
        return known(name).orElseGet(() -> CarrierCodes.slug(name));
    }

    /** Every code the table maps to, for the check that all of them are codes we register under. */
    public Collection<String> codes() {
        return codes.values();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
