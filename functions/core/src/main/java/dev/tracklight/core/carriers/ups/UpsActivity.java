package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One UPS activity, however it arrived: a Track Alert push or a Track API answer. Both name it by the same status
 * type and code at the same GMT moment with the same words, so the two become one event.
 *
 * @param local when UPS gives the local clock; {@code gmt} the GMT one; at least one of them is set
 */
record UpsActivity(String trackingNumber, String type, String code, String descriptionCode, String description, LocalDateTime local,
                   LocalDateTime gmt, ZoneOffset offset, Location location, Instant scheduledDelivery) {

    TrackingEvent event(Instant receivedAt) {
        Instant occurredAt = gmt != null ? gmt.toInstant(ZoneOffset.UTC) : local.toInstant(offset);
        StatusMapping mapping = UpsStatusMap.of(type, code, descriptionCode);
        String rawCode = descriptionCode != null && !descriptionCode.isBlank() ? descriptionCode : code;
        return new TrackingEvent(EventIds.of(UpsAdapter.SOURCE, trackingNumber, type + "/" + code, occurredAt, description),
                UpsAdapter.SOURCE, trackingNumber, occurredAt, offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId(),
                gmt == null || local == null, receivedAt, mapping.status(), type + "/" + code, mapping.reason(), rawCode, description, location,
                UpsAdapter.SOURCE, scheduledDelivery);
    }
}
