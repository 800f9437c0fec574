package dev.tracklight.core.model;

/**
 * How a shipment's carrier was chosen: pinned by the merchant, or detected from the tracking number with
 * a confidence (and the rule that matched), so a doubtful guess is visible and can be corrected.
 */
public record CarrierChoice(boolean pinned, double confidence, String why) {

    public static final CarrierChoice PINNED = new CarrierChoice(true, 1.0, "given by the merchant");

    public static CarrierChoice detected(double confidence, String why) {
        return new CarrierChoice(false, confidence, why);
    }
}
