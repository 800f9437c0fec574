package dev.tracklight.core.analytics;

/**
 * Where a count belongs: the day (UTC) it happened, the carrier, the lane, and for dwell at a facility the
 * facility. One stored item per key, so a day's figures of a lane or a hub are one read.
 *
 * @param lane     origin → destination region, e.g. {@code CN-Zhejiang>CN-Shanghai}
 * @param facility null for a lane's own counts; else the city, region and country the carrier scanned at
 */
public record TallyKey(String day, String carrier, String lane, String facility) {

    public boolean isFacility() {
        return facility != null;
    }
}
