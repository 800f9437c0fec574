package dev.tracklight.core.view;

import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;

import java.time.Instant;

/** One checkpoint as a consumer sees it: the carrier's own words, its local time and a city-level place. */
public record TimelineEntry(
        Instant occurredAt,
        String localOffset,
        Status status,
        String subStatus,
        String message,
        Location location) {
}
