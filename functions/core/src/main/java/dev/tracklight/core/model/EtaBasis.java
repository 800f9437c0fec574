package dev.tracklight.core.model;

/** What an ETA window was derived from, strongest first. */
public enum EtaBasis {
    /** The carrier's own estimated delivery, from its latest event that gave one. */
    CARRIER_ESTIMATE,
    /** The parcel is on the van: delivery is expected by the end of that day's rounds. */
    OUT_FOR_DELIVERY,
    /** The delivery date the merchant promised. */
    MERCHANT_PROMISE,
    /** The transit times of delivered shipments on the same lane. */
    LANE_HISTORY
}
