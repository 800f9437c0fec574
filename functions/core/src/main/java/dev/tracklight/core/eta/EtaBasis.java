package dev.tracklight.core.eta;

/** What an ETA window was derived from, strongest first. */
public enum EtaBasis {
    /** The carrier's own estimated delivery, from its latest event that gave one. */
    CARRIER_ESTIMATE,
    /** The delivery date the merchant promised. */
    MERCHANT_PROMISE,
    /** The transit times of delivered shipments on the same lane. */
    LANE_HISTORY
}
