package dev.tracklight.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Deterministic event ids: the same checkpoint sent twice, by any path, gets the same id. */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String carrier, String trackingNumber, String rawCode, Instant occurredAt) {
        String key = String.join("\u001f", carrier, trackingNumber, rawCode == null ? "" : rawCode, occurredAt.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
