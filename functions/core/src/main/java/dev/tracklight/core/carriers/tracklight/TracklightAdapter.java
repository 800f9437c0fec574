package dev.tracklight.core.carriers.tracklight;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import dev.tracklight.core.webhook.WebhookSignature;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
public final class TracklightAdapter implements CarrierAdapter {

    public static final String SOURCE = "tracklight";
    public static final String SIGNATURE_HEADER = WebhookSignature.SIGNATURE_HEADER;
    public static final String TIMESTAMP_HEADER = WebhookSignature.TIMESTAMP_HEADER;
    public static final Duration REPLAY_WINDOW = WebhookSignature.TOLERANCE;

    private final Clock clock;

    public TracklightAdapter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** What a sender puts in the signature header. */
    public static String signature(String secret, long epochSeconds, String body) {
        return WebhookSignature.sign(secret, epochSeconds, body);
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
        if (!WebhookSignature.within(seconds, clock.instant(), REPLAY_WINDOW)) {
            throw new ProblemException(Problem.unauthorized(
                    TIMESTAMP_HEADER + " is outside the " + REPLAY_WINDOW.toMinutes() + "-minute replay window"));
        }
        if (!WebhookSignature.matches(secret, seconds, request.body(), signature)) {
            throw new ProblemException(Problem.unauthorized("signature does not match the body"));
        }
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject root = JsonBody.object(request.body());
        String carrier = TrackingNumbers.normalizeCarrier(JsonBody.requiredString(root, "carrier", ""));
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(root, "trackingNumber", ""));
        if (trackingNumber.isEmpty()) {
            throw JsonBody.bad("trackingNumber has no letters or digits");
        }
        List<JsonBody.Element> events = JsonBody.objects(root, "events", "");
        if (events.isEmpty()) {
            throw JsonBody.bad("events must be a non-empty array");
        }
        List<TrackingEvent> out = new ArrayList<>();
        for (JsonBody.Element event : events) {
            out.add(event(event.json(), event.path(), carrier, trackingNumber, request.receivedAt()));
        }
        return out;
    }

    private TrackingEvent event(JsonObject json, String path, String carrier, String trackingNumber, Instant receivedAt)
            throws ProblemException {
        OffsetDateTime occurred = JsonBody.requiredTimestamp(json, "occurredAt", path);
        OffsetDateTime carrierEta = JsonBody.optionalTimestamp(json, "carrierEta", path);
        Status status = status(JsonBody.optionalString(json, "status", path), path);
        String code = JsonBody.optionalString(json, "code", path);
        String message = JsonBody.optionalString(json, "message", path);
        if (status == null && message == null) {
            throw JsonBody.bad(path + " needs a status or a message");
        }
        Instant occurredAt = occurred.toInstant();
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, code, occurredAt, message), carrier, trackingNumber,
                occurredAt, JsonBody.offsetId(occurred), false, receivedAt, status,
                JsonBody.optionalString(json, "subStatus", path), JsonBody.optionalString(json, "reason", path), code, message,
                location(json, path), SOURCE, carrierEta == null ? null : carrierEta.toInstant());
    }

    private static Status status(String value, String path) throws ProblemException {
        if (value == null) {
            return null;
        }
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw JsonBody.bad(path + ".status '" + value + "' is not one of " + Arrays.toString(Status.values()));
        }
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        String where = JsonBody.at(path, "location");
        JsonObject loc = JsonBody.optionalObject(json, "location", path);
        if (loc == null) {
            return null;
        }
        return new Location(JsonBody.optionalString(loc, "city", where), JsonBody.optionalString(loc, "region", where),
                JsonBody.optionalString(loc, "country", where), JsonBody.optionalString(loc, "postalCode", where),
                coordinate(loc, "lat", where, 90), coordinate(loc, "lon", where, 180));
    }

    private static Double coordinate(JsonObject json, String field, String path, double bound) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || Math.abs(number.doubleValue()) > bound) {
            throw JsonBody.bad(JsonBody.at(path, field) + " must be a number between -" + (int) bound + " and " + (int) bound);
        }
        return number.doubleValue();
    }
}
