package dev.tracklight.core.carriers.sfexpress;

import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.carriers.SharedToken;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SF Express (顺丰) route push, JSON mode: {@code {"Body":{"WaybillRoute":[…]}}}, up to ten route nodes,
 * possibly for several waybills. SF documents no signature for pushes, so the URL configured at SF
 * carries an unguessable token ({@code ?token=…}) that is compared with the source's secret. Times come
 * without an offset: China time (+08:00) is inferred and marked so.
 */
public final class SfExpressAdapter implements CarrierAdapter {

    public static final String SOURCE = "sf-express";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        SharedToken.inQuery(request, secret);
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject body = JsonBody.requiredObject(JsonBody.object(request.body()), "Body", "");
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element route : JsonBody.rows(body, "WaybillRoute", "Body")) {
            events.add(route(route.json(), route.path(), request.receivedAt()));
        }
        return events;
    }

    @Override
    public Acknowledgement acknowledge(List<TrackingEvent> queued) {
        return new Acknowledgement(200, "application/json", "{\"return_code\":\"0000\",\"return_msg\":\"成功\"}");
    }

    private TrackingEvent route(JsonObject json, String path, Instant receivedAt) throws ProblemException {
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(json, "mailno", path));
        String time = JsonBody.requiredString(json, "acceptTime", path);
        Instant occurredAt;
        try {
            occurredAt = LocalDateTime.parse(time.trim(), TIME).toInstant(CHINA);
        } catch (DateTimeParseException e) {
            throw JsonBody.bad(path + ".acceptTime '" + time + "' must be yyyy-MM-dd HH:mm:ss");
        }
        String opCode = JsonBody.optionalString(json, "opCode", path);
        String nodeId = JsonBody.optionalString(json, "id", path);
        StatusMapping mapping = SfExpressStatusMap.of(opCode, JsonBody.optionalString(json, "secondaryStatusCode", path));
        String reason = JsonBody.optionalText(json, "reasonCode", path);
        String city = JsonBody.optionalText(json, "acceptAddress", path);
        String remark = JsonBody.optionalString(json, "remark", path);
        // SF's node id makes two nodes with the same code and second distinct (its own example has such a pair)
        return new TrackingEvent(EventIds.of(SOURCE, trackingNumber, opCode + "#" + nodeId, occurredAt, remark), SOURCE, trackingNumber,
                occurredAt, "+08:00", true, receivedAt, mapping.status(), opCode, reason != null ? "SF_" + reason : mapping.reason(),
                opCode, remark, city == null ? null : new Location(city, null, "CN", null, null, null), SOURCE, null);
    }

}
