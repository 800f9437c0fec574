package dev.tracklight.core.geo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Country codes: sources write ISO 3166 alpha-2 ("CN") or alpha-3 ("CHN"); we keep alpha-2. */
public final class Countries {

    private static final Map<String, String> ALPHA3_TO_ALPHA2 = Stream.of(Locale.getISOCountries())
            .collect(Collectors.toUnmodifiableMap(code -> Locale.of("", code).getISO3Country(), Function.identity(), (a, b) -> a));

    private Countries() {
    }

    public static Optional<String> alpha2(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.length() == 3 ? Optional.ofNullable(ALPHA3_TO_ALPHA2.get(upper)) : Optional.of(upper);
    }
}
