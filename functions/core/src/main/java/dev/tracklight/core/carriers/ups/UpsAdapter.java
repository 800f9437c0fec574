package dev.tracklight.core.carriers.ups;

import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.SharedToken;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * UPS Track Alert: one activity per POST. UPS authenticates with the {@code credential} header, the
 * opaque secret given in the subscription (nothing is signed, so it is compared in constant time). Each
 * activity carries local and GMT date/time: the instant comes from GMT, the offset from v2's
 * {@code gmtOffset} ("-04.00") or, in v1, from local − GMT.
 */
public final class UpsAdapter implements CarrierAdapter {

    public static final String SOURCE = "ups";
    public static final String CREDENTIAL_HEADER = "credential";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        SharedToken.inHeader(request, CREDENTIAL_HEADER, secret);
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject activity = JsonBody.object(request.body());
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(activity, "trackingNumber", ""));
        JsonObject status = JsonBody.requiredObject(activity, "activityStatus", "");
        String type = JsonBody.optionalString(status, "type", "activityStatus");
        String code = JsonBody.optionalString(status, "code", "activityStatus");
        String descriptionCode = JsonBody.optionalString(status, "descriptionCode", "activityStatus");
        LocalDateTime local = dateTime(activity, "localActivityDate", "localActivityTime");
        LocalDateTime gmt = dateTime(activity, "gmtActivityDate", "gmtActivityTime");
        if (local == null && gmt == null) {
            throw JsonBody.bad("localActivityDate/Time or gmtActivityDate/Time is required");
        }
        ZoneOffset offset = offset(JsonBody.optionalString(activity, "gmtOffset", ""), local, gmt);
        return List.of(new UpsActivity(trackingNumber, type, code, descriptionCode, JsonBody.optionalString(status, "description", "activityStatus"),
                local, gmt, offset, location(activity), scheduledDelivery(activity, offset)).event(request.receivedAt()));
    }

    @Override
    public Acknowledgement acknowledge(List<TrackingEvent> queued) {
        // UPS documents a 200 as success and no retries; answer exactly that
        return Acknowledgement.ok(queued);
    }

    /** v2's "-04.00" (the Track API's "-05:00"), else the difference between the local and GMT clocks, to the quarter hour. */
    static ZoneOffset offset(String gmtOffset, LocalDateTime local, LocalDateTime gmt) throws ProblemException {
        if (gmtOffset != null && !gmtOffset.isBlank()) {
            try {
                return ZoneOffset.of(gmtOffset.trim().replace('.', ':'));
            } catch (java.time.DateTimeException e) {
                throw JsonBody.bad("gmtOffset '" + gmtOffset + "' must look like -04.00");
            }
        }
        if (local == null || gmt == null) {
            return ZoneOffset.UTC;
        }
        long minutes = Math.round(Duration.between(gmt, local).toMinutes() / 15.0) * 15;
        return Math.abs(minutes) <= 14 * 60 ? ZoneOffset.ofTotalSeconds((int) minutes * 60) : ZoneOffset.UTC;
    }

    /** {@code YYYYMMDD} and {@code HHMMSS}; the Track API writes GMT times without their leading zeros ("74700"). */
    static LocalDateTime dateTime(JsonObject json, String dateField, String timeField) throws ProblemException {
        String date = JsonBody.optionalString(json, dateField, "");
        String time = JsonBody.optionalString(json, timeField, "");
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            return null;
        }
        try {
            // leading zeros dropped: "74700" is 07:47, "4700" 00:47 and "512" 00:05:12
            String hhmmss = time.trim().length() < 6 ? "0".repeat(6 - time.trim().length()) + time.trim() : time.trim();
            return LocalDateTime.of(LocalDate.parse(date.trim(), DATE), LocalTime.parse(hhmmss, TIME));
        } catch (DateTimeParseException e) {
            throw JsonBody.bad(dateField + "/" + timeField + " '" + date + " " + time + "' must be YYYYMMDD and HHMMSS");
        }
    }

    /** The scheduled day with the end of its delivery window (local), when UPS gave both. */
    private static Instant scheduledDelivery(JsonObject activity, ZoneOffset offset) throws ProblemException {
        LocalDateTime end = dateTime(activity, "scheduledDeliveryDate", "deliveryEndTime");
        return end == null ? null : end.toInstant(offset);
    }

    private static Location location(JsonObject activity) throws ProblemException {
        return JsonBody.place(activity, "activityLocation", "", "city", "stateProvince", "country", "postalCode");
    }

}
