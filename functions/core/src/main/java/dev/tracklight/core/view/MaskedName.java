package dev.tracklight.core.view;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the public page names the recipient: enough to recognise one's own parcel, not enough to learn a
 * name. Chinese names keep the family name ("张**"); others keep each word's initial ("J*** D***").
 */
public final class MaskedName {

    private MaskedName() {
    }

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            int first = trimmed.codePointAt(0);
            int rest = Math.max(1, trimmed.codePointCount(0, trimmed.length()) - 1);
            return new String(Character.toChars(first)) + "*".repeat(rest);
        }
        return Arrays.stream(trimmed.split("\\s+"))
                .map(word -> new String(Character.toChars(word.codePointAt(0))) + "***")
                .collect(Collectors.joining(" "));
    }
}
