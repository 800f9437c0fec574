package dev.tracklight.core.eta;

import java.time.Duration;

/** Transit times of delivered shipments on one lane: quartiles from hand-off to delivery. */
public record LaneTransit(Duration p25, Duration median, Duration p75, int deliveries) {
}
