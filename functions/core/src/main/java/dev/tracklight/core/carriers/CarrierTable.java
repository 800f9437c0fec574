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
    /** Each code's first name in the table, as the source spells it: what we send when we name a carrier to it. */
    private final Map<String, String> names;

    private CarrierTable(Map<String, String> codes, Map<String, String> names) {
        this.codes = codes;
        this.names = names;
    }

    /** @param pairs name, code, name, code… */
    public static CarrierTable of(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("names and codes come in pairs");
        }
        Map<String, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (codes.put(key(pairs[i]), pairs[i + 1]) != null) {
                throw new IllegalArgumentException("'" + pairs[i] + "' is in the table twice");
            }
            names.putIfAbsent(pairs[i + 1], pairs[i]);
        }
        return new CarrierTable(Map.copyOf(codes), Map.copyOf(names));
    }

    /** Our code for the name, when the table has it. */
    public Optional<String> known(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(codes.get(key(name)));
    }

    /** Our code for the name, or its {@link CarrierCodes#slug} when the table does not have it. */
    public String code(String name) {
        return known(name).orElseGet(() -> CarrierCodes.slug(name));
    }

    /** The source's name for one of our codes (its first in the table: EasyPost's "DHLExpress" for dhl), when it has one. */
    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /** Every code the table maps to, for the check that all of them are codes we register under. */
    public Collection<String> codes() {
        return codes.values();
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
