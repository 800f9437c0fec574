package dev.tracklight.core.model;

import java.time.Instant;

/**
 * A delay verdict with its reason code, the same reason in plain English, and the moment it was first
 * reached ({@code detectedAt}, kept while the verdict holds). {@code hoursWithoutScan} and
 * {@code stageLimitHours} are set for {@link DelayStatus#STALLED}, as of the latest judgement.
 */
public record DelayAssessment(DelayStatus status, DelayReason reason, String message, Long hoursWithoutScan,
                              Long stageLimitHours, Instant detectedAt) {

    public static DelayAssessment onTime(Instant now) {
        return new DelayAssessment(DelayStatus.ON_TIME, null, null, null, null, now);
    }

    public static DelayAssessment of(DelayStatus status, DelayReason reason, Instant now) {
        return new DelayAssessment(status, reason, reason.sentence(), null, null, now);
    }

    public static DelayAssessment stalled(long hoursWithoutScan, long limitHours, Instant now) {
        return new DelayAssessment(DelayStatus.STALLED, DelayReason.NO_SCAN_FOR_TOO_LONG,
                DelayReason.NO_SCAN_FOR_TOO_LONG.sentence(hoursWithoutScan, limitHours), hoursWithoutScan, limitHours, now);
    }

    /** True for AT_RISK, LATE and STALLED: what merchants are told about. */
    public boolean signalsDelay() {
        return status.signalsDelay();
    }

    /**
     * This verdict, detected when the one already held was if that says the same (status and reason): a
     * verdict keeps the moment it was detected for as long as it holds, while its figures (hours without a
     * scan) stay current.
     */
    public DelayAssessment since(DelayAssessment held) {
        return held != null && held.status == status && held.reason == reason
                ? new DelayAssessment(status, reason, message, hoursWithoutScan, stageLimitHours, held.detectedAt) : this;
    }
}
