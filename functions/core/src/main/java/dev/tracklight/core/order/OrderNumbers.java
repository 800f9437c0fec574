package dev.tracklight.core.order;

import java.util.Locale;

/** An order number as a buyer types it: "#1001", "1001" and " #1001 " are one order. */
public final class OrderNumbers {

    private OrderNumbers() {
    }

    public static String normalize(String number) {
        String trimmed = number == null ? "" : number.trim();
        return (trimmed.startsWith("#") ? trimmed.substring(1).trim() : trimmed).toLowerCase(Locale.ROOT);
    }
}
