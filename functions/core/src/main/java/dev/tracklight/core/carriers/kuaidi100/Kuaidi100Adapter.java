package dev.tracklight.core.carriers.kuaidi100;

import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kuaidi100 (快递100) subscription pushes: a form with {@code param} (the whole track as JSON, newest row
 * first) and {@code sign} = upper-case hex MD5 of {@code param + salt}, the salt being the secret given
 * when subscribing. Kuaidi100 gives local China time without an offset: +08:00 is inferred and marked so.
 * It retries unless the body says {@code {"result":true,"returnCode":"200"}}.
 */
public final class Kuaidi100Adapter implements CarrierAdapter {

    public static final String SOURCE = "kuaidi100";
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String EXPIRED_MESSAGE = "60天无变化";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-www-form-urlencoded");
    }

    /** What Kuaidi100 puts in the {@code sign} field for this {@code param} and salt. */
    public static String sign(String param, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest((param + salt).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    @Override
    public void verify(WebhookRequest request, String salt) throws ProblemException {
        Map<String, String> form = form(request.body());
        String param = form.get("param");
        String presented = form.get("sign");
        if (param == null || presented == null) {
            throw new ProblemException(Problem.unauthorized("the form needs both 'param' and 'sign' (subscribe with a salt)"));
        }
        byte[] expected = sign(param, salt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(Problem.unauthorized("sign does not match param"));
        }
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        String param = form(request.body()).get("param");
        if (param == null) {
            throw JsonBody.bad("form field 'param' is missing");
        }
        JsonObject push = JsonBody.object(param);
        JsonObject result = JsonBody.requiredObject(push, "lastResult", "param");
        String carrier = Kuaidi100Carriers.TABLE.code(JsonBody.requiredString(result, "com", "param.lastResult"));
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(result, "nu", "param.lastResult"));
        // the basic format (no resultv2) carries the state only here; the rows, newest first, have none
        String state = JsonBody.optionalText(result, "state", "param.lastResult");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element row : JsonBody.rows(result, "data", "param.lastResult")) {
            events.add(row(row.json(), row.path(), carrier, trackingNumber, events.isEmpty() ? state : null, request.receivedAt()));
        }
        if ("abort".equals(JsonBody.optionalString(push, "status", "param"))
                && String.valueOf(JsonBody.optionalString(push, "message", "param")).contains(EXPIRED_MESSAGE)) {
            // Kuaidi100 stopped following a parcel that did not move for 60 days
            events.add(new TrackingEvent(EventIds.of(carrier, trackingNumber, "abort", request.receivedAt(), null), carrier,
                    trackingNumber, request.receivedAt(), "+08:00", true, request.receivedAt(), Status.EXPIRED, "abort",
                    null, "abort", EXPIRED_MESSAGE, null, SOURCE, null));
        }
        return events;
    }

    @Override
    public Acknowledgement acknowledge(List<TrackingEvent> queued) {
        return new Acknowledgement(200, "application/json", "{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
    }

    /** @param latestState the push's {@code lastResult.state}, for the newest row when it has no code of its own */
    private TrackingEvent row(JsonObject row, String path, String carrier, String trackingNumber, String latestState,
                              Instant receivedAt) throws ProblemException {
        String text = JsonBody.optionalString(row, "ftime", path);
        if (text == null || text.isBlank()) {
            text = JsonBody.requiredString(row, "time", path);
        }
        Instant occurredAt;
        try {
            occurredAt = LocalDateTime.parse(text.trim(), TIME).toInstant(CHINA);
        } catch (DateTimeParseException e) {
            throw JsonBody.bad(path + ".time '" + text + "' must be yyyy-MM-dd HH:mm:ss");
        }
        String rowCode = JsonBody.optionalString(row, "statusCode", path);
        String code = rowCode == null ? latestState : rowCode;
        StatusMapping mapping = Kuaidi100StatusMap.of(code);
        String rawCode = code == null ? JsonBody.optionalString(row, "status", path) : code;
        String context = JsonBody.optionalString(row, "context", path);
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, rawCode, occurredAt, context), carrier, trackingNumber,
                occurredAt, "+08:00", true, receivedAt, mapping.status(), JsonBody.optionalString(row, "status", path),
                mapping.reason(), rawCode, context, location(row, path), SOURCE, null);
    }

    /** {@code areaName} "陕西,西安市,灞桥区" and {@code areaCenter} "lon,lat", when Kuaidi100 resolved the area. */
    private static Location location(JsonObject row, String path) throws ProblemException {
        String area = JsonBody.optionalString(row, "areaName", path);
        String center = JsonBody.optionalString(row, "areaCenter", path);
        if (area == null && center == null) {
            return null;
        }
        String[] parts = area == null ? new String[0] : area.split(",");
        Double lat = null;
        Double lon = null;
        if (center != null && center.contains(",")) {
            try {
                lon = Double.parseDouble(center.split(",")[0].trim());
                lat = Double.parseDouble(center.split(",")[1].trim());
            } catch (NumberFormatException ignored) {
                // a malformed centre loses the map point, not the event
            }
        }
        return new Location(parts.length > 1 ? parts[1] : parts.length == 1 ? parts[0] : null,
                parts.length > 1 ? parts[0] : null, "CN", null, lat, lon);
    }

    private static Map<String, String> form(String body) throws ProblemException {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw JsonBody.bad("the form body is not valid application/x-www-form-urlencoded");
            }
        }
        return fields;
    }
}
