package dev.tracklight.core.carriers.dhl;

import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.SharedToken;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.geo.CountryOffsets;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * DHL Shipment Tracking – Unified – Push: {@code shipments[]} in the Unified API's shape. DHL's push
 * authenticates with {@code ApiKeyAuthentication}, a static token in a header the subscriber names; ours
 * is {@value #TOKEN_HEADER}. Event times come with or without an offset: without one, the event
 * country's zone is inferred (daylight saving included) and marked so, else UTC.
 */
public final class DhlAdapter implements CarrierAdapter {

    public static final String SOURCE = "dhl";
    public static final String TOKEN_HEADER = "Tracklight-Token";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        SharedToken.inHeader(request, TOKEN_HEADER, secret);
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject body = JsonBody.object(request.body());
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element shipment : JsonBody.objects(body, "shipments", "")) {
            String trackingNumber = TrackingNumbers.normalize(id(shipment));
            Instant eta = eta(shipment);
            List<JsonBody.Element> rows = JsonBody.rows(shipment.json(), "events", shipment.path());
            if (rows.isEmpty()) {
                // a push may carry only the latest status, which has the event's shape
                JsonObject status = JsonBody.optionalObject(shipment.json(), "status", shipment.path());
                rows = status == null ? List.of() : List.of(new JsonBody.Element(status, JsonBody.at(shipment.path(), "status")));
            }
            for (JsonBody.Element row : rows) {
                events.add(event(row, trackingNumber, eta, request.receivedAt()));
            }
        }
        return events;
    }

    @Override
    public Acknowledgement acknowledge(List<TrackingEvent> queued) {
        // DHL's push products treat 200 as delivered; answer exactly that
        return Acknowledgement.ok(queued);
    }

    /** DHL's own example sends the id as a JSON number: read its literal text, never a double. */
    private static String id(JsonBody.Element shipment) throws ProblemException {
        JsonValue id = shipment.json().get("id");
        if (id instanceof JsonString text && !text.getString().isBlank()) {
            return text.getString();
        }
        if (id instanceof JsonNumber number && number.isIntegral()) {
            return number.bigIntegerValue().toString();
        }
        throw JsonBody.bad(JsonBody.at(shipment.path(), "id") + " is required (a string)");
    }

    private static TrackingEvent event(JsonBody.Element row, String trackingNumber, Instant eta, Instant receivedAt) throws ProblemException {
        JsonObject json = row.json();
        String statusCode = JsonBody.optionalText(json, "statusCode", row.path());
        String description = JsonBody.optionalText(json, "description", row.path());
        String status = JsonBody.optionalText(json, "status", row.path());
        Location location = location(json, row.path());
        String text = JsonBody.requiredString(json, "timestamp", row.path());
        Instant at;
        ZoneOffset offset;
        boolean inferred = false;
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(text);
            at = withOffset.toInstant();
            offset = withOffset.getOffset();
        } catch (DateTimeParseException noOffset) {
            LocalDateTime local = local(text, row.path());
            offset = CountryOffsets.at(location == null ? null : location.country(), local).orElse(ZoneOffset.UTC);
            at = local.toInstant(offset);
            inferred = true;
        }
        StatusMapping mapping = DhlStatusMap.of(statusCode);
        String message = description != null ? description : status;
        // the codes are coarse: two different scans can share one code and second, so the text joins the id
        return new TrackingEvent(EventIds.of(SOURCE, trackingNumber, statusCode, at, message), SOURCE, trackingNumber, at,
                offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId(), inferred, receivedAt, mapping.status(), statusCode,
                mapping.reason(), statusCode, message, location, SOURCE, eta);
    }

    private static LocalDateTime local(String text, String path) throws ProblemException {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw JsonBody.bad(path + ".timestamp '" + text + "' is not an ISO-8601 time");
        }
    }

    /** The end of DHL's delivery time frame, else its estimated time of delivery. */
    private static Instant eta(JsonBody.Element shipment) throws ProblemException {
        JsonObject frame = JsonBody.optionalObject(shipment.json(), "estimatedDeliveryTimeFrame", shipment.path());
        OffsetDateTime through = frame == null ? null
                : JsonBody.optionalTimestamp(frame, "estimatedThrough", JsonBody.at(shipment.path(), "estimatedDeliveryTimeFrame"));
        OffsetDateTime eta = through != null ? through : JsonBody.optionalTimestamp(shipment.json(), "estimatedTimeOfDelivery", shipment.path());
        return eta == null ? null : eta.toInstant();
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        JsonObject place = JsonBody.optionalObject(json, "location", path);
        return place == null ? null : JsonBody.place(place, "address", JsonBody.at(path, "location"), "addressLocality", null, "countryCode", "postalCode");
    }
}
