package dev.tracklight.core.carriers.fedex;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FedEx Advanced Integrated Visibility pushes: {@code output.completeTrackResults[]}, the Track API's
 * result, signed in {@code fdx-signature} = base64 HMAC-SHA256 of the raw body keyed by the project's
 * security token. A reused number comes as several {@code trackResults}: only the most recently scanned
 * one is this shipment. Scan times carry their local offset, except when they do not: then the offset of
 * another scan at the same facility (else of the nearest scan) is inferred and marked so.
 */
public final class FedExAdapter implements CarrierAdapter {

    public static final String SOURCE = "fedex";
    public static final String SIGNATURE_HEADER = "fdx-signature";

    @Override
    public String source() {
        return SOURCE;
    }

    public static String signature(String securityToken, String body) {
        return HmacSha256.signBase64(securityToken, body);
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        HmacSha256.requireBase64Header(request, SIGNATURE_HEADER, secret);
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject output = JsonBody.requiredObject(JsonBody.object(request.body()), "output", "");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element complete : JsonBody.objects(output, "completeTrackResults", "output")) {
            List<Scans> results = new ArrayList<>();
            for (JsonBody.Element result : JsonBody.objects(complete.json(), "trackResults", complete.path())) {
                results.add(scans(result));
            }
            results.stream().filter(scans -> !scans.rows().isEmpty()).max(Comparator.comparing(Scans::latest))
                    .ifPresent(current -> events.addAll(current.events(request.receivedAt())));
        }
        return events;
    }

    /** One track result's scans, read with their times resolved. */
    private record Scans(String trackingNumber, List<Scan> rows, Instant carrierEta) {

        Instant latest() {
            return rows.stream().map(Scan::at).max(Comparator.naturalOrder()).orElse(Instant.MIN);
        }

        List<TrackingEvent> events(Instant receivedAt) {
            boolean returning = rows.stream().anyMatch(scan -> "RS".equals(scan.type()));
            List<TrackingEvent> out = new ArrayList<>(rows.size());
            for (Scan scan : rows) {
                StatusMapping mapping = FedExStatusMap.of(scan.type(), scan.exceptionCode(), returning);
                String rawCode = scan.exceptionCode() == null ? scan.type() : scan.type() + "/" + scan.exceptionCode();
                out.add(new TrackingEvent(EventIds.of(SOURCE, trackingNumber, rawCode, scan.at(), scan.message()), SOURCE, trackingNumber, scan.at(),
                        scan.offset(), scan.offsetInferred(), receivedAt, mapping.status(), scan.type(), mapping.reason(), rawCode,
                        scan.message(), scan.location(), SOURCE, carrierEta));
            }
            return out;
        }
    }

    private record Scan(String type, String exceptionCode, Instant at, String offset, boolean offsetInferred, String message,
                        Location location) {
    }

    /** A scan as read, before offset-less times are resolved. */
    private record RawScan(JsonBody.Element row, String facility, OffsetDateTime withOffset, LocalDateTime local) {
    }

    private static Scans scans(JsonBody.Element result) throws ProblemException {
        JsonObject info = JsonBody.requiredObject(result.json(), "trackingNumberInfo", result.path());
        String trackingNumber = TrackingNumbers.normalize(
                JsonBody.requiredString(info, "trackingNumber", JsonBody.at(result.path(), "trackingNumberInfo")));
        List<RawScan> raw = new ArrayList<>();
        Map<String, OffsetDateTime> offsetByFacility = new HashMap<>();
        for (JsonBody.Element row : JsonBody.rows(result.json(), "scanEvents", result.path())) {
            String text = JsonBody.requiredString(row.json(), "date", row.path());
            String facility = JsonBody.optionalText(row.json(), "locationId", row.path());
            RawScan scan = readTime(row, facility, text);
            raw.add(scan);
            if (scan.withOffset() != null && facility != null) {
                offsetByFacility.putIfAbsent(facility, scan.withOffset());
            }
        }
        List<Scan> rows = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            RawScan scan = raw.get(i);
            JsonObject json = scan.row().json();
            String path = scan.row().path();
            Instant at;
            ZoneOffset offset;
            if (scan.withOffset() != null) {
                at = scan.withOffset().toInstant();
                offset = scan.withOffset().getOffset();
            } else {
                offset = inferredOffset(raw, i, offsetByFacility.get(scan.facility()));
                at = scan.local().toInstant(offset);
            }
            String description = JsonBody.optionalText(json, "eventDescription", path);
            String detail = JsonBody.optionalText(json, "exceptionDescription", path);
            rows.add(new Scan(JsonBody.requiredString(json, "eventType", path).trim(), JsonBody.optionalText(json, "exceptionCode", path),
                    at, offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId(), scan.withOffset() == null,
                    detail == null || detail.equals(description) ? description : description + " — " + detail, location(json, path)));
        }
        return new Scans(trackingNumber, rows, carrierEta(result));
    }

    private static RawScan readTime(JsonBody.Element row, String facility, String text) throws ProblemException {
        try {
            return new RawScan(row, facility, OffsetDateTime.parse(text), null);
        } catch (DateTimeParseException noOffset) {
            try {
                return new RawScan(row, facility, null, LocalDateTime.parse(text));
            } catch (DateTimeParseException e) {
                throw JsonBody.bad(row.path() + ".date '" + text + "' is not an ISO-8601 time");
            }
        }
    }

    /** The same facility's offset, else the nearest scan's in the list, else UTC. */
    private static ZoneOffset inferredOffset(List<RawScan> raw, int index, OffsetDateTime sameFacility) {
        if (sameFacility != null) {
            return sameFacility.getOffset();
        }
        for (int distance = 1; distance < raw.size(); distance++) {
            for (int i : new int[] {index - distance, index + distance}) {
                if (i >= 0 && i < raw.size() && raw.get(i).withOffset() != null) {
                    return raw.get(i).withOffset().getOffset();
                }
            }
        }
        return ZoneOffset.UTC;
    }

    /** The carrier's window end when it gave one, else its standard-transit commitment. */
    private static Instant carrierEta(JsonBody.Element result) throws ProblemException {
        for (String field : List.of("estimatedDeliveryTimeWindow", "standardTransitTimeWindow")) {
            JsonObject outer = JsonBody.optionalObject(result.json(), field, result.path());
            JsonObject window = outer == null ? null : JsonBody.optionalObject(outer, "window", JsonBody.at(result.path(), field));
            OffsetDateTime ends = window == null ? null : JsonBody.optionalTimestamp(window, "ends", JsonBody.at(result.path(), field + ".window"));
            if (ends != null) {
                // FedEx writes day-only commitments as midnight in a placeholder zone: read them as "by the end of that day"
                return (ends.toLocalTime().equals(LocalTime.MIDNIGHT) ? ends.with(LocalTime.of(23, 59, 59)) : ends).toInstant();
            }
        }
        return null;
    }

    private static Location location(JsonObject scan, String path) throws ProblemException {
        return JsonBody.place(scan, "scanLocation", path, "city", "stateOrProvinceCode", "countryCode", "postalCode");
    }
}
