package dev.tracklight.core.model;

import java.util.Locale;

/** Carriers and merchants write the same number with spaces, dashes and mixed case. */
public final class TrackingNumbers {

    private TrackingNumbers() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    public static String normalizeCarrier(String raw) {
        return raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
    }
}
