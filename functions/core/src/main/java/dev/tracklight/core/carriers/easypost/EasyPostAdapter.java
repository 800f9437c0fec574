package dev.tracklight.core.carriers.easypost;

import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.JsonBody;
import dev.tracklight.core.carriers.TrackingLevelStatus;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.model.TrackingNumbers;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import jakarta.json.JsonObject;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * EasyPost {@code tracker.updated} / {@code tracker.created} webhooks: an Event whose {@code result} is a
 * Tracker with its whole history in {@code tracking_details}. Every row becomes an event; the fold and
 * the deterministic ids make the re-sent history harmless. Other event types (batches, refunds…) are
 * acknowledged and ignored, so EasyPost does not retry or disable the webhook.
 *
 * <p>Signature: {@code X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256(NFKD(secret), raw body)>}, as
 * EasyPost's SDKs verify it. It carries no timestamp: replays are absorbed by the event ids.
 */
public final class EasyPostAdapter implements CarrierAdapter {

    public static final String SOURCE = "easypost";
    public static final String SIGNATURE_HEADER = "X-Hmac-Signature";
    private static final String SCHEME = "hmac-sha256-hex=";
    private static final Set<String> TRACKER_EVENTS = Set.of("tracker.updated", "tracker.created");

    @Override
    public String source() {
        return SOURCE;
    }

    /** What EasyPost puts in the signature header. */
    public static String signature(String secret, String body) {
        return SCHEME + HmacSha256.signHex(Normalizer.normalize(secret, Normalizer.Form.NFKD), body);
    }

    @Override
    public void verify(WebhookRequest request, String secret) throws ProblemException {
        String header = request.header(SIGNATURE_HEADER);
        if (header == null || !header.startsWith(SCHEME)) {
            throw new ProblemException(Problem.unauthorized("missing " + SIGNATURE_HEADER + " header (hmac-sha256-hex=…)"));
        }
        String key = Normalizer.normalize(secret, Normalizer.Form.NFKD);
        if (!HmacSha256.matchesHex(key, request.body(), header.substring(SCHEME.length()))) {
            throw new ProblemException(Problem.unauthorized("signature does not match the body"));
        }
    }

    @Override
    public List<TrackingEvent> parse(WebhookRequest request) throws ProblemException {
        JsonObject event = JsonBody.object(request.body());
        if (!TRACKER_EVENTS.contains(JsonBody.requiredString(event, "description", ""))) {
            return List.of();
        }
        JsonObject tracker = JsonBody.requiredObject(event, "result", "");
        String carrier = EasyPostCarriers.TABLE.code(JsonBody.requiredString(tracker, "carrier", "result"));
        String trackingNumber = TrackingNumbers.normalize(JsonBody.requiredString(tracker, "tracking_code", "result"));
        OffsetDateTime eta = JsonBody.optionalTimestamp(tracker, "est_delivery_date", "result");
        List<Row> rows = new ArrayList<>();
        for (JsonBody.Element row : JsonBody.rows(tracker, "tracking_details", "result")) {
            rows.add(new Row(row.json(), row.path(), JsonBody.requiredTimestamp(row.json(), "datetime", row.path())));
        }
        Instant firstInTransit = rows.stream()
                .filter(row -> "in_transit".equals(row.json().getString("status", null)))
                .map(row -> row.at().toInstant()).min(Comparator.naturalOrder()).orElse(null);
        List<TrackingEvent> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(event(row, carrier, trackingNumber, firstInTransit, eta, request.receivedAt()));
        }
        String status = JsonBody.optionalString(tracker, "status", "result");
        Status mapped = status == null ? null : EasyPostStatusMap.status(status, JsonBody.optionalString(tracker, "status_detail", "result"), false);
        // EasyPost's tracker has no delivery time of its own; its last update is the nearest
        return TrackingLevelStatus.completed(out, mapped, status, JsonBody.lenientTimestamp(tracker, "updated_at"), carrier, trackingNumber,
                SOURCE, request.receivedAt());
    }

    private TrackingEvent event(Row row, String carrier, String trackingNumber, Instant firstInTransit,
                                OffsetDateTime eta, Instant receivedAt) throws ProblemException {
        String status = JsonBody.optionalString(row.json(), "status", row.path());
        String detail = JsonBody.optionalString(row.json(), "status_detail", row.path());
        String carrierCode = JsonBody.optionalString(row.json(), "carrier_code", row.path());
        Instant occurredAt = row.at().toInstant();
        Status mapped = EasyPostStatusMap.status(status, detail, "in_transit".equals(status) && occurredAt.equals(firstInTransit));
        // the carrier's code when it gave one, else EasyPost's own status and detail
        String rawCode = carrierCode != null && !carrierCode.isBlank() ? carrierCode : status + (detail == null ? "" : "/" + detail);
        String message = JsonBody.optionalString(row.json(), "message", row.path());
        return new TrackingEvent(EventIds.of(carrier, trackingNumber, rawCode, occurredAt, message), carrier, trackingNumber,
                occurredAt, JsonBody.offsetId(row.at()), false, receivedAt, mapped, detail,
                EasyPostStatusMap.reason(status, detail), rawCode, message,
                location(row), SOURCE, eta == null ? null : eta.toInstant());
    }

    private static Location location(Row row) throws ProblemException {
        return JsonBody.place(row.json(), "tracking_location", row.path(), "city", "state", "country", "zip");
    }

    private record Row(JsonObject json, String path, OffsetDateTime at) {
    }
}
