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

    /** The path segment of a tenant's carrier webhook URL: names the endpoint, authenticates nothing. */
    public static String webhookEndpointId() {
        return "wh_" + HexFormat.of().formatHex(bytes(12));
    }

    /** A secret for sources that sign with one we choose (URL tokens, header tokens, HMAC keys). */
    public static String webhookSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    /** A merchant's webhook subscription. */
    public static String webhookSubscriptionId() {
        return "whs_" + HexFormat.of().formatHex(bytes(12));
    }

    /** The key a merchant verifies our webhook signatures with: 256 random bits. */
    public static String webhookSigningSecret() {
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    /** A received webhook's id; it starts with the time received so the raw body can be found by hour. */
    public static String receiptId(java.time.Instant receivedAt) {
        return "rcp_" + receivedAt.toEpochMilli() + "_" + HexFormat.of().formatHex(bytes(6));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
