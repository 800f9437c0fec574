package dev.tracklight.core.ids;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable identifiers. Drawn at request time, never during init: SnapStart would otherwise restore
 * every instance with the same random state.
 */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    /** A public tracking token: 160 random bits, URL-safe, not derived from any id. */
    public static String trackingToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(20));
    }

    public static String shipmentId() {
        return "shp_" + HexFormat.of().formatHex(bytes(12));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
