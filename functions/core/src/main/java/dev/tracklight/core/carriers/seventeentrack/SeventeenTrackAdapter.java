package dev.tracklight.core.carriers.seventeentrack;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.carriers.TrackingLevelStatus;
import dev.tracklight.core.ids.Sha256;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 17TRACK API v2 pushes. {@code TRACKING_UPDATED} carries the whole history per provider, newest first;
 * {@code TRACKING_STOPPED} carries no status and is acknowledged without events.
 *
 * <p>Authenticity: header {@code sign} = lower-case hex SHA-256 of (raw body + "/" + API key), a plain
 * hash, not an HMAC, as independent implementations verify it (17TRACK's own text was not readable; see
 * the README). Scans without a stage or sub-status are kept as information, except the latest, which
 * takes the record's {@code latest_status}.
 */
public final class SeventeenTrackAdapter implements CarrierAdapter {

    public static final String SOURCE = "17track";
    public static final String SIGNATURE_HEADER = "sign";
    private static final String UPDATED = "TRACKING_UPDATED";

    @Override
    public String source() {
        return SOURCE;
    }

    public static String signature(String apiKey, String body) {
        return Sha256.hex(body + "/" + apiKey);
    }

    @Override
    public void verify(WebhookRequest request, String apiKey) throws ProblemException {
        String presented = request.header(SIGNATURE_HEADER);
        if (presented == null || !MessageDigest.isEqual(signature(apiKey, request.body()).getBytes(StandardCharsets.US_ASCII),
                presented.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(Problem.unauthorized("missing or wrong '" + SIGNATURE_HEADER + "' header"));
        }
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject push = JsonBody.object(request.body());
        if (!UPDATED.equals(JsonBody.requiredString(push, "event", ""))) {
            return List.of();
        }
        JsonObject data = JsonBody.requiredObject(push, "data", "");
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(data, "number", "data"));
        JsonObject info = JsonBody.requiredObject(data, "track_info", "data");
        JsonObject latest = JsonBody.optionalObject(info, "latest_status", "data.track_info");
        List<JsonBody.Element> providers = JsonBody.objects(JsonBody.requiredObject(info, "tracking", "data.track_info"), "providers",
                "data.track_info.tracking");
        String recordCarrier = carrier(providers.isEmpty() ? null : JsonBody.optionalObject(providers.getFirst().json(), "provider",
                providers.getFirst().path()), data);
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element provider : providers) {
            String carrier = carrier(JsonBody.optionalObject(provider.json(), "provider", provider.path()), data);
            for (JsonBody.Element row : JsonBody.rows(provider.json(), "events", provider.path())) {
                // the newest scan of the first provider is the record's latest event
                JsonObject fallback = events.isEmpty() ? latest : null;
                events.add(event(row.json(), row.path(), carrier, trackingNumber, fallback, request.receivedAt()));
            }
        }
        return latest == null ? events : withLatestStatus(events, latest, info, recordCarrier, trackingNumber, request.receivedAt());
    }

    /** The record's {@code latest_status} when no scan carries it, at {@code latest_event}'s time. */
    private static List<TrackingEvent> withLatestStatus(List<TrackingEvent> events, JsonObject latest, JsonObject info, String carrier,
                                                        String trackingNumber, Instant receivedAt) throws ProblemException {
        String where = "data.track_info.latest_status";
        String status = JsonBody.optionalString(latest, "status", where);
        StatusMapping mapping = SeventeenTrackStatusMap.of(status, JsonBody.optionalString(latest, "sub_status", where));
        JsonObject latestEvent = JsonBody.optionalObject(info, "latest_event", "data.track_info");
        OffsetDateTime local = latestEvent == null ? null : JsonBody.lenientTimestamp(latestEvent, "time_iso");
        OffsetDateTime at = local != null || latestEvent == null ? local : JsonBody.lenientTimestamp(latestEvent, "time_utc");
        return TrackingLevelStatus.completed(events, mapping == null ? null : mapping.status(), status, at, carrier, trackingNumber, SOURCE,
                receivedAt);
    }

    private TrackingEvent event(JsonObject json, String path, String carrier, String trackingNumber, JsonObject latestStatus,
                                Instant receivedAt) throws ProblemException {
        OffsetDateTime local = JsonBody.optionalTimestamp(json, "time_iso", path);
        OffsetDateTime at = local != null ? local : JsonBody.requiredTimestamp(json, "time_utc", path);
        String stage = JsonBody.optionalString(json, "stage", path);
        String subStatus = JsonBody.optionalString(json, "sub_status", path);
        StatusMapping mapping = SeventeenTrackStatusMap.of(stage, subStatus);
        if (mapping == null && latestStatus != null) {
            subStatus = JsonBody.optionalString(latestStatus, "sub_status", "data.track_info.latest_status");
            mapping = SeventeenTrackStatusMap.of(JsonBody.optionalString(latestStatus, "status", "data.track_info.latest_status"), subStatus);
        }
        String description = JsonBody.optionalString(json, "description", path);
        String rawCode = subStatus != null ? subStatus : stage != null ? stage : description;
        Instant occurredAt = at.toInstant();
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, rawCode, occurredAt, description), carrier, trackingNumber, occurredAt,
                JsonBody.offsetId(at), local == null, receivedAt, mapping == null ? null : mapping.status(), subStatus,
                mapping == null ? null : mapping.reason(), rawCode, description, location(json, path), SOURCE, null);
    }

    /** The provider's key as our code (7041 "DHL Paket" → dhl), else the record's key, else the provider's name. */
    private static String carrier(JsonObject provider, JsonObject data) throws ProblemException {
        Long key = provider != null && provider.get("key") instanceof JsonNumber n ? Long.valueOf(n.longValue())
                : data.get("carrier") instanceof JsonNumber n ? Long.valueOf(n.longValue()) : null;
        String name = provider == null ? null : JsonBody.optionalString(provider, "name", "provider");
        return SeventeenTrackCarriers.code(key, name);
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        JsonObject address = JsonBody.optionalObject(json, "address", path);
        if (address == null) {
            return null;
        }
        String where = JsonBody.at(path, "address");
        JsonObject coordinates = JsonBody.optionalObject(address, "coordinates", where);
        Double lat = coordinates != null && coordinates.get("latitude") instanceof JsonNumber n ? n.doubleValue() : null;
        Double lon = coordinates != null && coordinates.get("longitude") instanceof JsonNumber n ? n.doubleValue() : null;
        String city = JsonBody.optionalString(address, "city", where);
        String state = JsonBody.optionalString(address, "state", where);
        String country = JsonBody.optionalString(address, "country", where);
        String zip = JsonBody.optionalString(address, "postal_code", where);
        return Location.ifAny(city, state, country, zip, lat, lon);
    }
}
