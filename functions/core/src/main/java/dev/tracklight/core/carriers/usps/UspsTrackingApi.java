package dev.tracklight.core.carriers.usps;

import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonObject;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * USPS Tracking v3's answer to {@code GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL}: {@code
 * trackingEvents[]}, newest first, each with {@code eventCode}, {@code eventType} (its words), the place ({@code
 * eventCity}, {@code eventState}, {@code eventZIP}, {@code eventCountry}) and its time. {@code eventTimestamp} is the
 * local time of the scan, written with a {@code Z} that is not UTC in USPS's own sample, so it is read without its
 * zone and placed at {@code GMTOffset} ({@code -6:00}); without an offset, {@code GMTTimestamp} gives the instant
 * and the offset is marked inferred; without either, the local time is read as UTC, marked inferred.
 */
public final class UspsTrackingApi {

    public static final String SOURCE = "usps";
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2}):?(\\d{2})");

    private UspsTrackingApi() {
    }

    public static List<TrackingEvent> events(String body, Instant receivedAt) throws ProblemException {
        JsonObject root = JsonBody.object(body);
        String number = TrackingNumbers.normalize(JsonBody.requiredString(root, "trackingNumber", ""));
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element row : JsonBody.rows(root, "trackingEvents", "")) {
            events.add(event(number, row.json(), row.path(), receivedAt));
        }
        return events;
    }

    private static TrackingEvent event(String number, JsonObject json, String path, Instant receivedAt) throws ProblemException {
        String code = JsonBody.optionalText(json, "eventCode", path);
        String words = JsonBody.optionalText(json, "eventType", path);
        String local = JsonBody.optionalText(json, "eventTimestamp", path);
        ZoneOffset offset = offset(JsonBody.optionalText(json, "GMTOffset", path));
        OffsetDateTime gmt = JsonBody.lenientTimestamp(json, "GMTTimestamp");
        Instant at;
        boolean inferred;
        if (local != null && offset != null) {
            at = localTime(local, path).toInstant(offset);
            inferred = false;
        } else if (gmt != null) {
            at = gmt.toInstant();
            offset = offset == null ? ZoneOffset.UTC : offset;
            inferred = true;
        } else if (local != null) {
            at = localTime(local, path).toInstant(ZoneOffset.UTC);
            offset = ZoneOffset.UTC;
            inferred = true;
        } else {
            throw JsonBody.bad(path + ": eventTimestamp or GMTTimestamp is required");
        }
        StatusMapping mapping = UspsStatusMap.of(code);
        Location location = Location.ifAny(JsonBody.optionalText(json, "eventCity", path), JsonBody.optionalText(json, "eventState", path),
                country(JsonBody.optionalText(json, "eventCountry", path)), JsonBody.optionalText(json, "eventZIP", path), null, null);
        return new TrackingEvent(EventIds.of(SOURCE, number, code, at, words), SOURCE, number, at,
                offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId(), inferred, receivedAt, mapping.status(), code, mapping.reason(), code,
                words, location, SOURCE, null);
    }

    /** The local time, whatever zone USPS wrote after it. */
    private static LocalDateTime localTime(String text, String path) throws ProblemException {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException withZone) {
            try {
                return OffsetDateTime.parse(text).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw JsonBody.bad(path + ".eventTimestamp '" + text + "' is not an ISO-8601 time");
            }
        }
    }

    /** {@code -6:00}, {@code -06:00} or {@code -0600}; null when absent or not an offset. */
    static ZoneOffset offset(String text) {
        Matcher matcher = text == null ? null : OFFSET.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        int sign = matcher.group(1).equals("-") ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(matcher.group(2)), sign * Integer.parseInt(matcher.group(3)));
        } catch (DateTimeException beyondAnyZone) {
            return null;
        }
    }

    /** USPS leaves the country blank for domestic scans. */
    private static String country(String country) {
        return country == null ? "US" : country;
    }
}
