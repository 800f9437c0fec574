package dev.tracklight.core.order;

/**
 * Where an order stands, in the order a consumer lives it. The first three are reported (by the sales channel or
 * the merchant's warehouse); the last two are read from the parcels' scans, so nobody can claim them early.
 */
public enum OrderStage {
    PLACED,
    CONFIRMED,
    PACKED,
    SHIPPED,
    DELIVERED;

    public boolean isReported() {
        return compareTo(PACKED) <= 0;
    }
}
