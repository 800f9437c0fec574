package dev.tracklight.core.carriers.detect;

import java.util.List;
import java.util.Optional;

/** The carriers a tracking number may belong to, most likely first. */
public record CarrierDetection(String trackingNumber, List<CarrierCandidate> candidates) {

    /** Below this, or this close to the runner-up, the merchant has to pin the carrier. */
    static final double MINIMUM_CONFIDENCE = 0.5;
    static final double MINIMUM_MARGIN = 0.2;

    public CarrierDetection {
        candidates = List.copyOf(candidates);
    }

    /** The carrier, when one candidate is likely enough and clearly ahead of the next. */
    public Optional<CarrierCandidate> decided() {
        if (candidates.isEmpty() || candidates.getFirst().confidence() < MINIMUM_CONFIDENCE) {
            return Optional.empty();
        }
        boolean clearlyAhead = candidates.size() == 1
                || candidates.getFirst().confidence() - candidates.get(1).confidence() >= MINIMUM_MARGIN;
        return clearlyAhead ? Optional.of(candidates.getFirst()) : Optional.empty();
    }
}
