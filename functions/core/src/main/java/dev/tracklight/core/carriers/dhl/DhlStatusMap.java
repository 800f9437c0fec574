package dev.tracklight.core.carriers.dhl;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Locale;
import java.util.Map;

/**
 * DHL Unified {@code statusCode} onto ours (events/carriers/dhl/README.md). DHL has five coarse codes:
 * out-for-delivery and ready-for-pickup both arrive as {@code transit}, so nothing finer is claimed.
 * {@code failure} is not terminal: DHL uses it for attempts, customs holds and returns alike.
 */
final class DhlStatusMap {

    private static final Map<String, StatusMapping> CODES = Map.of(
            "pre-transit", StatusMapping.of(Status.INFO_RECEIVED),
            "transit", StatusMapping.of(Status.IN_TRANSIT),
            "delivered", StatusMapping.of(Status.DELIVERED),
            "failure", StatusMapping.of(Status.EXCEPTION));

    private DhlStatusMap() {
    }

    /** {@code unknown} and a missing code are information. */
    static StatusMapping of(String statusCode) {
        return statusCode == null ? StatusMapping.INFORMATIONAL
                : CODES.getOrDefault(statusCode.trim().toLowerCase(Locale.ROOT), StatusMapping.INFORMATIONAL);
    }
}
