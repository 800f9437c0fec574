package dev.tracklight.local.sandbox;

import dev.tracklight.core.carriers.aftership.AfterShipAdapter;
import dev.tracklight.core.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * AfterShip's Tracking API 2024-04 as its reference describes it (events/carriers/aftership/README.md, "The
 * sandbox"): {@code POST /tracking/2024-04/trackings}, {@code GET} and {@code DELETE …/trackings/{id}} with an
 * {@code as-api-key} {@code asat_…} of 20 or more characters. AfterShip's dashboard is stood in for by {@code GET
 * /console/webhook-secret} (the account's webhook secret) and {@code POST /console/webhook {"url"}}.
 * {@code 9261290000000000000001} walks info received → in transit → out for delivery → delivered, one step every
 * {@link #STEP}, each pushed as {@code tracking_update} signed {@code aftership-hmac-sha256} with the account's secret;
 * {@code …0008} is followed but never pushed; {@code …0429} answers 429 once (with {@code X-RateLimit-Reset}, no
 * Retry-After, as AfterShip does), then walks the journey; a second create answers 4003 with the tracking; any other
 * number is invalid (4005). A deleted tracking is pushed no more.
 */
public final class AfterShipSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(2);
    private static final String TRACKINGS = "/tracking/2024-04/trackings";
    private static final String JOURNEY_NUMBER = "9261290000000000000001";
    private static final String QUIET = "9261290000000000000008";
    private static final String LIMITED = "9261290000000000000429";
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"InfoReceived", "InfoReceived_001", "Shipping label created"},
            new String[]{"InTransit", "InTransit_002", "Accepted at origin facility"},
            new String[]{"OutForDelivery", "OutForDelivery_001", "Out for delivery"},
            new String[]{"Delivered", "Delivered_001", "Delivered, front door"});

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final JourneyClock clock = new JourneyClock(STEP);
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> webhookUrls = new ConcurrentHashMap<>();
    private final Map<String, Followed> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByNumber = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    private record Followed(String id, String key, String number, String slug, Instant start) {
    }

    AfterShipSandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "aftership";
    }

    /** Whether the tracking of this key's number was deleted. */
    public boolean deleted(String key, String number) {
        String id = idByNumber.get(key + " " + number);
        return id != null && deleted.contains(id);
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String key = request.headers().getOrDefault("as-api-key", "");
        if (!key.startsWith("asat_") || key.length() < 20) {
            return error(401, 401, "Unauthorized", "Invalid API key.");
        }
        String method = request.method();
        String path = request.path();
        if (method.equals("GET") && path.equals("/console/webhook-secret")) {
            return CarrierSandbox.Answer.json(200, Json.write(Map.of("secret", secrets.computeIfAbsent(key, k -> UUID.randomUUID().toString()))));
        }
        if (method.equals("POST") && path.equals("/console/webhook")) {
            webhookUrls.put(key, (String) Json.read(request.body(), Map.class).get("url"));
            return CarrierSandbox.Answer.json(200, "{}");
        }
        if (method.equals("POST") && path.equals(TRACKINGS)) {
            Map<?, ?> tracking = (Map<?, ?>) Json.read(request.body(), Map.class).get("tracking");
            return create(key, tracking == null ? null : (String) tracking.get("tracking_number"),
                    tracking == null || tracking.get("slug") == null ? "usps" : (String) tracking.get("slug"));
        }
        Followed followed = path.startsWith(TRACKINGS + "/") ? byId.get(path.substring(TRACKINGS.length() + 1)) : null;
        if (followed == null || !followed.key().equals(key) || deleted.contains(followed.id())) {
            return error(404, 4004, "NotFound", "Tracking does not exist.");
        }
        if (method.equals("DELETE")) {
            deleted.add(followed.id());
            return ok(200, Map.of("id", followed.id(), "tracking_number", followed.number(), "slug", followed.slug()));
        }
        return method.equals("GET") ? ok(200, tracking(followed, clock.shown(key + followed.number(), JOURNEY.size())))
                : error(404, 4004, "NotFound", "Tracking does not exist.");
    }

    private CarrierSandbox.Answer create(String key, String number, String slug) {
        if (number == null) {
            return error(400, 4007, "BadRequest", "tracking_number is required.");
        }
        if (number.equals(LIMITED) && clock.firstTime(key + number)) {
            return new CarrierSandbox.Answer(429, Json.write(Map.of("meta", Map.of("code", 429, "message", "Too many requests.", "type",
                    "TooManyRequests"), "data", Map.of())), Map.of("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 1),
                    "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "0"));
        }
        if (!number.equals(JOURNEY_NUMBER) && !number.equals(QUIET) && !number.equals(LIMITED)) {
            return error(400, 4005, "BadRequest", "The value of `tracking_number` is invalid.");
        }
        String existing = idByNumber.get(key + " " + number);
        if (existing != null) {
            Followed followed = byId.get(existing);
            return CarrierSandbox.Answer.json(400, Json.write(Map.of("meta", Map.of("code", 4003, "message", "Tracking already exists.",
                    "type", "BadRequest"), "data", Map.of("tracking", Map.of("id", followed.id(), "slug", followed.slug(),
                    "tracking_number", number)))));
        }
        Followed followed = new Followed(UUID.randomUUID().toString().replace("-", ""), key, number, slug,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        byId.put(followed.id(), followed);
        idByNumber.put(key + " " + number, followed.id());
        if (!number.equals(QUIET)) {
            for (int step = 1; step <= JOURNEY.size(); step++) {
                int upTo = step;
                pushes.schedule(() -> push(followed, upTo), STEP.toMillis() * step, TimeUnit.MILLISECONDS);
            }
        }
        return ok(201, tracking(followed, 0));
    }

    private void push(Followed followed, int steps) {
        String url = webhookUrls.get(followed.key());
        if (url == null || deleted.contains(followed.id())) {
            return; // no webhook in the dashboard, or the tracking was deleted: nothing is pushed
        }
        String body = Json.write(Map.of("event", "tracking_update", "event_id", UUID.randomUUID().toString(), "is_tracking_first_tag", false,
                "ts", Instant.now().getEpochSecond(), "msg", tracking(followed, steps)));
        String secret = secrets.computeIfAbsent(followed.key(), k -> UUID.randomUUID().toString());
        pusher.post(url, "application/json", Map.of(AfterShipAdapter.SIGNATURE_HEADER, AfterShipAdapter.signature(secret, body)), body);
    }

    /** A tracking as 2024-04 returns and pushes it, with the checkpoints the clock has reached, earliest first. */
    private static Map<String, Object> tracking(Followed followed, int steps) {
        List<Map<String, Object>> checkpoints = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            String[] step = JOURNEY.get(i);
            Map<String, Object> checkpoint = new LinkedHashMap<>();
            checkpoint.put("slug", followed.slug());
            checkpoint.put("checkpoint_time", followed.start().minus(Duration.ofMinutes(30L * (JOURNEY.size() - 1 - i)))
                    .atOffset(ZoneOffset.ofHours(-8)).toString());
            checkpoint.put("tag", step[0]);
            checkpoint.put("subtag", step[1]);
            checkpoint.put("message", step[2]);
            checkpoint.put("city", "SAN FRANCISCO");
            checkpoint.put("state", "CA");
            checkpoint.put("country_iso3", "USA");
            checkpoint.put("zip", "94107");
            checkpoint.put("coordinates", List.of());
            checkpoints.add(checkpoint);
        }
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("id", followed.id());
        tracking.put("tracking_number", followed.number());
        tracking.put("slug", followed.slug());
        tracking.put("tag", steps == 0 ? "Pending" : JOURNEY.get(steps - 1)[0]);
        tracking.put("subtag", steps == 0 ? "Pending_001" : JOURNEY.get(steps - 1)[1]);
        tracking.put("created_at", followed.start().toString());
        tracking.put("checkpoints", checkpoints);
        return tracking;
    }

    private static CarrierSandbox.Answer ok(int status, Map<String, Object> tracking) {
        return CarrierSandbox.Answer.json(status, Json.write(Map.of("meta", Map.of("code", status, "message", "OK", "type", "OK"),
                "data", Map.of("tracking", tracking))));
    }

    private static CarrierSandbox.Answer error(int status, int code, String type, String message) {
        return CarrierSandbox.Answer.json(status, Json.write(Map.of("meta", Map.of("code", code, "message", message, "type", type),
                "data", Map.of())));
    }
}
