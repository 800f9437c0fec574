package dev.tracklight.core.delay;

/**
 * What a delay verdict is judged against: the stage SLAs, and the chance of missing the promise above
 * which a shipment is AT_RISK ({@code null}: the engine's own threshold, tuned on what happened).
 */
public record DelayPolicy(StageSla sla, Double lateWarningProbability) {

    /** The platform's defaults for a carrier: its stage SLAs and the engine's threshold. */
    public static DelayPolicy forCarrier(String carrier) {
        return new DelayPolicy(StageSla.forCarrier(carrier), null);
    }
}
