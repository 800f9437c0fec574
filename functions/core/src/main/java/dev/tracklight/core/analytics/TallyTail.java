package dev.tracklight.core.analytics;

import java.time.Instant;

/**
 * The newest status update and the newest located scan counted so far: all a tally needs from a shipment's
 * past to count events newer than both, so counting does not read the timeline.
 *
 * @param status  null before any status update
 * @param located null before any scan with a place
 */
public record TallyTail(Mark status, Mark located) {

    public static final TallyTail NONE = new TallyTail(null, null);

    /**
     * One event on a track.
     *
     * @param where the stage of a status update, the facility of a located scan
     */
    public record Mark(String eventId, Instant at, String where) {
    }
}
