package dev.tracklight.core.analytics;

/**
 * The stages of the product's service-level table (docs/analytics.md), each judged on one indicator: the share
 * of cases that met it, against a target share a tenant may replace.
 */
public enum ServiceStage {
    /** The system's response: an event shown within {@link ServiceTargets#SYSTEM_RESPONSE} of its receipt. */
    ORDER_CREATED("events shown within 2 s of receipt", 0.99),
    /** Accepted on time: the carrier's first scan within the first-mile limit of the registration. */
    WAREHOUSE_ACCEPTS("accepted within the first-mile limit", 0.995),
    /** Scan data errors under 0.1 %: events whose carrier code maps to a status. */
    OUTBOUND_SCAN("events whose code maps to a status", 0.999),
    /** Location coverage: in-transit updates that say where the parcel is. */
    IN_TRANSIT("in-transit updates with a location", 0.95),
    /** ETA accuracy: last-mile deliveries within 15 minutes of the window shown. */
    LAST_MILE("deliveries within ±15 min of the window shown", 0.90);

    private final String indicator;
    private final double defaultTarget;

    ServiceStage(String indicator, double defaultTarget) {
        this.indicator = indicator;
        this.defaultTarget = defaultTarget;
    }

    public String indicator() {
        return indicator;
    }

    /** The share of cases that must meet the indicator. */
    public double defaultTarget() {
        return defaultTarget;
    }
}
