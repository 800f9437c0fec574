package dev.tracklight.core.model;

/** Whether a shipment keeps its promise. Delay is an assessment, never a lifecycle status. */
public enum DelayStatus {
    ON_TIME,
    /** The late edge of the ETA window passes the promise. */
    AT_RISK,
    /** The likely arrival passes the promise, or the promise has passed undelivered. */
    LATE,
    /** No scan for longer than the current stage allows. */
    STALLED;

    /** True for AT_RISK, LATE and STALLED: what merchants are told about. */
    public boolean signalsDelay() {
        return this != ON_TIME;
    }
}
