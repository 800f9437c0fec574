package dev.tracklight.core.carriers.shippo;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.carriers.TrackingLevelStatus;
import dev.tracklight.core.carriers.SharedToken;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Shippo {@code track_updated} webhooks: {@code {event, test, data: <track>}} with the whole history,
 * earliest first. Shippo signs nothing by default; the webhook URL registered at Shippo carries an
 * unguessable {@code ?token=}, compared with the source's secret.
 */
public final class ShippoAdapter implements CarrierAdapter {

    public static final String SOURCE = "shippo";
    private static final String TRACK_UPDATED = "track_updated";

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
        JsonObject envelope = JsonBody.object(request.body());
        if (!TRACK_UPDATED.equals(JsonBody.requiredString(envelope, "event", ""))) {
            return List.of();
        }
        JsonObject track = JsonBody.requiredObject(envelope, "data", "");
        String carrier = ShippoCarriers.TABLE.code(JsonBody.requiredString(track, "carrier", "data"));
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(track, "tracking_number", "data"));
        OffsetDateTime eta = JsonBody.optionalTimestamp(track, "eta", "data");
        List<JsonBody.Element> history = JsonBody.rows(track, "tracking_history", "data");
        Instant firstTransit = null;
        for (JsonBody.Element row : history) {
            if ("TRANSIT".equals(JsonBody.optionalString(row.json(), "status", row.path()))) {
                Instant at = JsonBody.requiredTimestamp(row.json(), "status_date", row.path()).toInstant();
                firstTransit = firstTransit == null || at.isBefore(firstTransit) ? at : firstTransit;
            }
        }
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonBody.Element row : history) {
            events.add(row(row.json(), row.path(), carrier, trackingNumber, firstTransit, eta, request.receivedAt()));
        }
        JsonObject latest = JsonBody.optionalObject(track, "tracking_status", "data");
        if (latest == null) {
            return events;
        }
        String status = JsonBody.optionalString(latest, "status", "data.tracking_status");
        JsonObject sub = JsonBody.optionalObject(latest, "substatus", "data.tracking_status");
        String substatus = sub == null ? null : JsonBody.optionalString(sub, "code", "data.tracking_status.substatus");
        OffsetDateTime at = JsonBody.lenientTimestamp(latest, "status_date");
        return TrackingLevelStatus.completed(events, ShippoStatusMap.of(status, substatus, false).status(), status,
                at != null ? at : JsonBody.lenientTimestamp(track, "object_updated"), carrier, trackingNumber, SOURCE, request.receivedAt());
    }

    private TrackingEvent row(JsonObject json, String path, String carrier, String trackingNumber, Instant firstTransit,
                              OffsetDateTime eta, Instant receivedAt) throws ProblemException {
        OffsetDateTime at = JsonBody.requiredTimestamp(json, "status_date", path);
        String status = JsonBody.optionalString(json, "status", path);
        JsonObject sub = JsonBody.optionalObject(json, "substatus", path);
        String substatus = sub == null ? null : JsonBody.optionalString(sub, "code", JsonBody.at(path, "substatus"));
        StatusMapping mapping = ShippoStatusMap.of(status, substatus, "TRANSIT".equals(status) && at.toInstant().equals(firstTransit));
        String rawCode = substatus == null ? status : status + "/" + substatus;
        String details = JsonBody.optionalString(json, "status_details", path);
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, rawCode, at.toInstant(), details), carrier, trackingNumber,
                at.toInstant(), JsonBody.offsetId(at), false, receivedAt, mapping.status(), substatus, mapping.reason(), rawCode,
                details, location(json, path), SOURCE,
                eta == null ? null : eta.toInstant());
    }

    private static Location location(JsonObject json, String path) throws ProblemException {
        return JsonBody.place(json, "location", path, "city", "state", "country", "zip");
    }

}
