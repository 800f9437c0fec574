package dev.tracklight.core.carriers;

import dev.tracklight.core.model.Status;

/**
 * What a source's status code means here: our status (null for an informational row) and, where the
 * code says why, a reason.
 */
public record StatusMapping(Status status, String reason) {

    public static final StatusMapping INFORMATIONAL = new StatusMapping(null, null);

    public static StatusMapping of(Status status) {
        return new StatusMapping(status, null);
    }
}
