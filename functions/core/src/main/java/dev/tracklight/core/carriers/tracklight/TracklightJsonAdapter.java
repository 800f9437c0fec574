package dev.tracklight.core.carriers.tracklight;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generic, signed Tracklight JSON format for carriers and systems that can send our own shape.
 * See {@code events/carriers/tracklight/README.md} for the format and how to sign it.
 *
 * <p>Signature: {@code Tracklight-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with
 * {@code Tracklight-Timestamp: <epoch seconds>}; a timestamp outside the replay window is refused so a
 * captured request cannot be played again later.
 */
public final class TracklightJsonAdapter implements CarrierAdapter {

    public static final String SOURCE = "tracklight";
    public static final String SIGNATURE_HEADER = "Tracklight-Signature";
    public static final String TIMESTAMP_HEADER = "Tracklight-Timestamp";
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final String SCHEME = "v1=";

    private final Clock clock;

    public TracklightJsonAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** What a sender puts in the signature header. */
    public static String signature(String secret, long epochSeconds, String body) {
        return SCHEME + HmacSha256.signHex(secret, epochSeconds + "." + body);
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        String timestamp = request.header(TIMESTAMP_HEADER);
        String signature = request.header(SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            throw new ProblemException(Problem.unauthorized(
                    "missing " + TIMESTAMP_HEADER + " or " + SIGNATURE_HEADER + " header"));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.unauthorized(TIMESTAMP_HEADER + " must be epoch seconds"));
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(REPLAY_WINDOW) > 0) {
            throw new ProblemException(Problem.unauthorized(
                    TIMESTAMP_HEADER + " is outside the " + REPLAY_WINDOW.toMinutes() + "-minute replay window"));
        }
        boolean valid = Arrays.stream(signature.split(","))
                .map(String::trim)
                .filter(candidate -> candidate.startsWith(SCHEME))
                .anyMatch(candidate -> HmacSha256.matchesHex(secret, seconds + "." + request.body(),
                        candidate.substring(SCHEME.length())));
        if (!valid) {
            throw new ProblemException(Problem.unauthorized("signature does not match the body"));
        }
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject root = readObject(request.body());
        String carrier = TrackingNumbers.normalizeCarrier(requiredString(root, "carrier", ""));
        String trackingNumber = TrackingNumbers.normalize(requiredString(root, "trackingNumber", ""));
        if (trackingNumber.isEmpty()) {
            throw bad("trackingNumber has no letters or digits");
        }
        JsonValue events = root.get("events");
        if (events == null || events.getValueType() != JsonValue.ValueType.ARRAY || events.asJsonArray().isEmpty()) {
            throw bad("events must be a non-empty array");
        }
        List<TrackingEvent> out = new ArrayList<>();
        for (int i = 0; i < events.asJsonArray().size(); i++) {
            JsonValue item = events.asJsonArray().get(i);
            String path = "events[" + i + "]";
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw bad(path + " must be an object");
            }
            out.add(event(item.asJsonObject(), path, carrier, trackingNumber, request.receivedAt()));
        }
        return out;
    }

    private TrackingEvent event(JsonObject json, String path, String carrier, String trackingNumber, Instant receivedAt)
            throws ProblemException {
        OffsetDateTime occurred = timestamp(json, "occurredAt", path, true);
        OffsetDateTime carrierEta = timestamp(json, "carrierEta", path, false);
        Status status = status(optionalString(json, "status", path), path);
        String code = optionalString(json, "code", path);
        String message = optionalString(json, "message", path);
        if (status == null && message == null) {
            throw bad(path + " needs a status or a message");
        }
        Instant occurredAt = occurred.toInstant();
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, code, occurredAt), carrier, trackingNumber,
                occurredAt, offsetId(occurred), false, receivedAt, status,
                optionalString(json, "subStatus", path), optionalString(json, "reason", path), code, message,
                location(json, path), SOURCE, carrierEta == null ? null : carrierEta.toInstant());
    }

    /** {@code +00:00} rather than {@code Z}, so every stored offset has the same shape. */
    private static String offsetId(OffsetDateTime time) {
        return time.getOffset().getTotalSeconds() == 0 ? "+00:00" : time.getOffset().getId();
    }

    private static Status status(String value, String path) throws ProblemException {
        if (value == null) {
            return null;
        }
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw bad(path + ".status '" + value + "' is not one of " + Arrays.toString(Status.values()));
        }
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        JsonValue value = json.get("location");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw bad(path + ".location must be an object");
        }
        JsonObject loc = value.asJsonObject();
        String where = path + ".location";
        return new Location(optionalString(loc, "city", where), optionalString(loc, "region", where),
                optionalString(loc, "country", where), optionalString(loc, "postalCode", where),
                coordinate(loc, "lat", where, 90), coordinate(loc, "lon", where, 180));
    }

    private static Double coordinate(JsonObject json, String field, String path, double bound) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || Math.abs(number.doubleValue()) > bound) {
            throw bad(at(path, field) + " must be a number between -" + (int) bound + " and " + (int) bound);
        }
        return number.doubleValue();
    }

    private static OffsetDateTime timestamp(JsonObject json, String field, String path, boolean required)
            throws ProblemException {
        String text = required ? requiredString(json, field, path) : optionalString(json, field, path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(at(path, field) + " '" + text + "' must be ISO-8601 with an offset, e.g. 2026-11-20T14:22:00+08:00");
        }
    }

    private static JsonObject readObject(String body) throws ProblemException {
        if (body.isBlank()) {
            throw bad("body is empty");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw bad("body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonParsingException e) {
            throw bad("body is not valid JSON: " + e.getMessage());
        } catch (JsonException e) {
            throw bad("body is not valid JSON");
        }
    }

    private static String requiredString(JsonObject json, String field, String path) throws ProblemException {
        String value = optionalString(json, field, path);
        if (value == null || value.isBlank()) {
            throw bad(at(path, field) + " is required");
        }
        return value;
    }

    private static String optionalString(JsonObject json, String field, String path) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw bad(at(path, field) + " must be a string");
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
