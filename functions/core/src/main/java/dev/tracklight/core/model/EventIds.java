package dev.tracklight.core.model;

import dev.tracklight.core.ids.Sha256;

import java.time.Instant;

/** Deterministic event ids: the same checkpoint sent twice, by any path, gets the same id. */
public final class EventIds {

    private EventIds() {
    }

    public static String of(String carrier, String trackingNumber, String rawCode, Instant occurredAt) {
        String key = String.join("\u001f", carrier, trackingNumber, rawCode == null ? "" : rawCode, occurredAt.toString());
        return Sha256.hexPrefix(key, 16);
    }
}
