package dev.tracklight.core.delay;

/**
 * A delay verdict with its reason code and the same reason in plain English. {@code hoursWithoutScan} and
 * {@code stageLimitHours} are set for {@link DelayStatus#STALLED}. It holds no timestamp of its own, so two
 * reads of an unchanged shipment give equal views.
 */
public record DelayAssessment(DelayStatus status, DelayReason reason, String message, Long hoursWithoutScan,
                              Long stageLimitHours) {

    public static DelayAssessment onTime() {
        return new DelayAssessment(DelayStatus.ON_TIME, null, null, null, null);
    }

    public static DelayAssessment of(DelayStatus status, DelayReason reason) {
        return new DelayAssessment(status, reason, reason.sentence(), null, null);
    }

    public static DelayAssessment stalled(long hoursWithoutScan, long limitHours) {
        return new DelayAssessment(DelayStatus.STALLED, DelayReason.NO_SCAN_FOR_TOO_LONG,
                DelayReason.NO_SCAN_FOR_TOO_LONG.sentence(hoursWithoutScan, limitHours), hoursWithoutScan, limitHours);
    }
}
