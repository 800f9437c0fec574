package dev.tracklight.core.carriers.aftership;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.carriers.TrackingLevelStatus;
import dev.tracklight.core.geo.Countries;
import dev.tracklight.core.geo.CountryOffsets;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * AfterShip tracking webhooks: {@code {event, event_id, ts, msg: <tracking>}}; {@code tracking_update}
 * carries the whole checkpoint history, other events are acknowledged without events.
 *
 * <p>Signature: {@code aftership-hmac-sha256: base64(HMAC-SHA256(secret, raw body))}. No timestamp is
 * signed; replays are absorbed by the event ids. A checkpoint time without an offset is read in its
 * country's zone when the country has one (and marked inferred), else as UTC (also marked).
 */
public final class AfterShipAdapter implements CarrierAdapter {

    public static final String SOURCE = "aftership";
    public static final String SIGNATURE_HEADER = "aftership-hmac-sha256";
    private static final String TRACKING_UPDATE = "tracking_update";

    @Override
    public String source() {
        return SOURCE;
    }

    public static String signature(String secret, String body) {
        return HmacSha256.signBase64(secret, body);
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        HmacSha256.requireBase64Header(request, SIGNATURE_HEADER, secret);
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject envelope = JsonBody.object(request.body());
        if (!TRACKING_UPDATE.equals(JsonBody.requiredString(envelope, "event", ""))) {
            return List.of();
        }
        return events(envelope, JsonBody.requiredObject(envelope, "msg", ""), request.receivedAt());
    }

    /**
     * A tracking's events, as a {@code tracking_update} carries it in {@code msg} and {@code GET /trackings/{id}} in
     * {@code data.tracking} (the connection's safety net reads it here without wrapping it in a push).
     *
     * @param envelope the webhook around it (its {@code ts}), or an empty object for a tracking read by call
     */
    List<TrackingEvent> events(JsonObject envelope, JsonObject tracking, Instant receivedAt) throws ProblemException {
        String carrier = AfterShipCarriers.TABLE.code(JsonBody.requiredString(tracking, "slug", "msg"));
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(tracking, "tracking_number", "msg"));
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element checkpoint : JsonBody.rows(tracking, "checkpoints", "msg")) {
            events.add(checkpoint(checkpoint.json(), checkpoint.path(), carrier, trackingNumber, receivedAt));
        }
        String tag = JsonBody.optionalString(tracking, "tag", "msg");
        Status status = tag == null ? null : AfterShipStatusMap.of(tag, JsonBody.optionalString(tracking, "subtag", "msg")).status();
        return TrackingLevelStatus.completed(events, status, tag, reachedAt(envelope, tracking, status), carrier, trackingNumber, SOURCE,
                receivedAt);
    }

    /** The delivery date for a delivered tracking, else the tracking's last update, else the webhook's own time. */
    private static OffsetDateTime reachedAt(JsonObject envelope, JsonObject tracking, Status status) {
        OffsetDateTime delivered = status == Status.DELIVERED ? JsonBody.lenientTimestamp(tracking, "shipment_delivery_date") : null;
        OffsetDateTime updated = delivered != null ? delivered : JsonBody.lenientTimestamp(tracking, "updated_at");
        if (updated != null || !(envelope.get("ts") instanceof JsonNumber ts) || !ts.isIntegral()
                || Math.abs(ts.doubleValue()) > Bounds.LATEST.getEpochSecond()) {
            return updated;
        }
        return Instant.ofEpochSecond(ts.longValue()).atOffset(ZoneOffset.UTC);
    }

    private TrackingEvent checkpoint(JsonObject json, String path, String carrier, String trackingNumber, Instant receivedAt)
            throws ProblemException {
        String tag = JsonBody.optionalString(json, "tag", path);
        String subtag = JsonBody.optionalString(json, "subtag", path);
        String rawTag = JsonBody.optionalString(json, "raw_tag", path);
        Location location = location(json, path);
        LocalTime time = time(JsonBody.requiredString(json, "checkpoint_time", path), path, location);
        StatusMapping mapping = AfterShipStatusMap.of(tag, subtag);
        String rawCode = rawTag != null && !rawTag.isBlank() ? rawTag : subtag;
        String message = JsonBody.optionalString(json, "message", path);
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, rawCode, time.instant(), message), carrier, trackingNumber,
                time.instant(), time.offset(), time.inferred(), receivedAt, mapping.status(), subtag, mapping.reason(),
                rawCode, message, location, SOURCE, null);
    }

    private record LocalTime(Instant instant, String offset, boolean inferred) {
    }

    private static LocalTime time(String text, String path, Location location) throws ProblemException {
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            return new LocalTime(withOffset.toInstant(), JsonBody.offsetId(withOffset), false);
        } catch (DateTimeParseException noOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(text);
                String offset = CountryOffsets.of(location == null ? null : location.country()).orElse("+00:00");
                return new LocalTime(local.toInstant(ZoneOffset.of(offset)), offset, true);
            } catch (DateTimeParseException e) {
                throw JsonBody.bad(path + ".checkpoint_time '" + text + "' is not an ISO-8601 time");
            }
        }
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        String city = JsonBody.optionalString(json, "city", path);
        String state = JsonBody.optionalString(json, "state", path);
        String country = Countries.alpha2(JsonBody.optionalString(json, "country_iso3", path)).orElse(null);
        String zip = JsonBody.optionalString(json, "zip", path);
        JsonArray coordinates = JsonBody.array(json, "coordinates", path);
        Double lat = null;
        Double lon = null;
        if (coordinates.size() == 2 && coordinates.get(0) instanceof JsonNumber a && coordinates.get(1) instanceof JsonNumber b) {
            lat = a.doubleValue();
            lon = b.doubleValue();
        }
        return Location.ifAny(city, state, country, zip, lat, lon);
    }
}
