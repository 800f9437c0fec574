package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The UPS Track API's answer to {@code GET /api/track/v1/details/{inquiryNumber}} (UPS-API/api-documentation
 * Tracking.yaml): {@code trackResponse.shipment[].package[].activity[]}, newest first, each with {@code status
 * {type, code, description, statusCode}}, local {@code date}/{@code time} and {@code gmtDate}/{@code gmtTime}/{@code
 * gmtOffset}. Read into the same {@link UpsActivity} as a Track Alert push.
 */
final class UpsTrackApi {

    private UpsTrackApi() {
    }

    static List<TrackingEvent> events(String body, Instant receivedAt) throws ProblemException {
        JsonObject root = JsonBody.object(body);
        JsonObject response = JsonBody.requiredObject(root, "trackResponse", "");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element shipment : JsonBody.objects(response, "shipment", "trackResponse")) {
            for (JsonBody.Element pack : JsonBody.objects(shipment.json(), "package", shipment.path())) {
                String number = TrackingNumbers.normalize(JsonBody.requiredString(pack.json(), "trackingNumber", pack.path()));
                for (JsonBody.Element activity : JsonBody.rows(pack.json(), "activity", pack.path())) {
                    events.add(activity(number, activity.json(), activity.path()).event(receivedAt));
                }
            }
        }
        return events;
    }

    private static UpsActivity activity(String number, JsonObject json, String path) throws ProblemException {
        JsonObject status = JsonBody.requiredObject(json, "status", path);
        String where = JsonBody.at(path, "status");
        LocalDateTime local = UpsAdapter.dateTime(json, "date", "time");
        LocalDateTime gmt = UpsAdapter.dateTime(json, "gmtDate", "gmtTime");
        if (local == null && gmt == null) {
            throw JsonBody.bad(path + ": date/time or gmtDate/gmtTime is required");
        }
        ZoneOffset offset = UpsAdapter.offset(JsonBody.optionalString(json, "gmtOffset", path), local, gmt);
        return new UpsActivity(number, JsonBody.optionalString(status, "type", where), JsonBody.optionalString(status, "code", where),
                JsonBody.optionalString(status, "statusCode", where), JsonBody.optionalString(status, "description", where), local, gmt, offset,
                location(json, path), null);
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        JsonObject location = JsonBody.optionalObject(json, "location", path);
        if (location == null) {
            return null;
        }
        String where = JsonBody.at(path, "location");
        JsonObject address = JsonBody.optionalObject(location, "address", where);
        if (address == null) {
            return null;
        }
        String at = JsonBody.at(where, "address");
        String country = JsonBody.optionalText(address, "countryCode", at);
        return Location.ifAny(JsonBody.optionalText(address, "city", at), JsonBody.optionalText(address, "stateProvince", at),
                country != null ? country : JsonBody.optionalText(address, "country", at), JsonBody.optionalText(address, "postalCode", at),
                null, null);
    }
}
