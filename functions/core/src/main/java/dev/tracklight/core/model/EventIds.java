package dev.tracklight.core.model;

import dev.tracklight.core.ids.Sha256;

import java.time.Instant;

/** Deterministic event ids: the same checkpoint sent twice, by any path, gets the same id. */
public final class EventIds {

    private EventIds() {
    }

    /**
     * @param text the checkpoint's own words: two scans with the same code and time but different texts (two
     *             parcels of a consignment, two facilities) are two checkpoints. Blanks and case are ignored, so
     *             the same text re-sent with other spacing stays one.
     */
    public static String of(String carrier, String trackingNumber, String rawCode, Instant occurredAt, String text) {
        String words = text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        String key = String.join("\u001f", carrier, trackingNumber, rawCode == null ? "" : rawCode, occurredAt.toString(), words);
        return Sha256.hexPrefix(key, 16);
    }
}
