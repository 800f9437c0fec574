package dev.tracklight.core.carriers.detect;

/**
 * One carrier a tracking number may belong to.
 *
 * @param confidence 0…1: a passing check digit on a distinctive shape is near 1, a bare digit count is low
 * @param why        the rule that matched, for the merchant deciding whether to pin the carrier
 */
public record CarrierCandidate(String carrier, double confidence, String why) {
}
