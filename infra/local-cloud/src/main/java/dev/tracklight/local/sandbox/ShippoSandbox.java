package dev.tracklight.local.sandbox;

import dev.tracklight.core.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shippo's tracking API as its reference describes it (events/carriers/shippo/README.md, "The sandbox"): {@code POST
 * /webhooks}, {@code POST /tracks/} and {@code GET /tracks/{carrier}/{number}} with {@code ShippoToken shippo_test_…}
 * (20 or more characters). {@code 9205590100000000000001} walks pre-transit → transit → out for delivery →
 * delivered, one step every {@link #STEP}, each pushed as {@code track_updated} to the token's webhooks (Shippo signs
 * nothing: the URL carries its {@code ?token=}); {@code 9205590100000000000008} is followed but never pushed, so only
 * a read shows it move; {@code 9205590100000000000429} answers 429 once, then walks the journey; any other number is
 * registered as Shippo registers a number its carrier does not know: status {@code UNKNOWN}, and nothing more.
 */
public final class ShippoSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(2);
    private static final String JOURNEY_NUMBER = "9205590100000000000001";
    private static final String QUIET = "9205590100000000000008";
    private static final String LIMITED = "9205590100000000000429";
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"PRE_TRANSIT", "Shipping label created, USPS awaiting item"},
            new String[]{"TRANSIT", "Accepted at USPS origin facility"},
            new String[]{"TRANSIT", "Out for delivery"},
            new String[]{"DELIVERED", "Delivered, in/at mailbox"});

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final JourneyClock clock = new JourneyClock(STEP);
    private final Map<String, List<String>> webhooks = new ConcurrentHashMap<>();
    private final Map<String, Instant> registered = new ConcurrentHashMap<>();

    ShippoSandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "shippo";
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String authorization = request.headers().getOrDefault("authorization", "");
        String key = authorization.startsWith("ShippoToken shippo_test_") && authorization.length() >= "ShippoToken ".length() + 20
                ? authorization.substring("ShippoToken ".length()) : null;
        if (key == null) {
            return CarrierSandbox.Answer.json(401, "{\"detail\":\"Token does not exist\"}");
        }
        Map<?, ?> body = request.body().isBlank() ? Map.of() : Json.read(request.body(), Map.class);
        if (request.method().equals("POST") && request.path().equals("/webhooks")) {
            String url = (String) body.get("url");
            if (url == null || url.length() >= 200 || !"track_updated".equals(body.get("event"))) {
                return CarrierSandbox.Answer.json(400, "{\"url\":[\"A valid URL of less than 200 characters is required.\"]}");
            }
            webhooks.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(url);
            return CarrierSandbox.Answer.json(201, Json.write(Map.of("object_id", "whk_" + Math.abs(url.hashCode()), "event", "track_updated",
                    "url", url, "active", true, "is_test", true)));
        }
        if (request.method().equals("POST") && request.path().equals("/tracks/")) {
            return register(key, (String) body.get("carrier"), (String) body.get("tracking_number"));
        }
        if (request.method().equals("GET") && request.path().startsWith("/tracks/")) {
            String[] parts = request.path().substring("/tracks/".length()).split("/");
            Instant start = parts.length == 2 ? registered.get(key + parts[1]) : null;
            return start == null ? CarrierSandbox.Answer.json(404, "{\"detail\":\"Not found.\"}")
                    : CarrierSandbox.Answer.json(200, Json.write(track(parts[0], parts[1], start, shown(parts[1], key))));
        }
        return CarrierSandbox.Answer.json(404, "{\"detail\":\"Not found.\"}");
    }

    private CarrierSandbox.Answer register(String key, String carrier, String number) {
        if (carrier == null || number == null) {
            return CarrierSandbox.Answer.json(400, "{\"carrier\":[\"This field is required.\"],\"tracking_number\":[\"This field is required.\"]}");
        }
        if (number.equals(LIMITED) && clock.firstTime(key + number)) {
            return CarrierSandbox.Answer.json(429, "{\"detail\":\"Request was throttled.\"}");
        }
        Instant start = registered.computeIfAbsent(key + number, k -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        boolean journey = number.equals(JOURNEY_NUMBER) || number.equals(LIMITED);
        if (journey) {
            // Shippo's registrations are not idempotent: each one pushes again (deduplicated by the receiver)
            for (int step = 1; step <= JOURNEY.size(); step++) {
                int upTo = step;
                pushes.schedule(() -> push(key, track(carrier, number, start, upTo)), STEP.toMillis() * step, TimeUnit.MILLISECONDS);
            }
        }
        return CarrierSandbox.Answer.json(201, Json.write(track(carrier, number, start, number.equals(JOURNEY_NUMBER) || number.equals(LIMITED)
                || number.equals(QUIET) ? 1 : 0)));
    }

    /** How far a read sees: the quiet number walks too, though nothing is pushed for it. */
    private int shown(String number, String key) {
        return number.equals(JOURNEY_NUMBER) || number.equals(LIMITED) || number.equals(QUIET) ? clock.shown(key + number, JOURNEY.size()) : 0;
    }

    private void push(String key, Map<String, Object> track) {
        String body = Json.write(Map.of("event", "track_updated", "test", true, "data", track));
        webhooks.getOrDefault(key, List.of()).forEach(url -> pusher.post(url, "application/json", Map.of(), body));
    }

    /** A Track as Shippo returns and pushes it: history earliest first, {@code tracking_status} the latest. */
    private static Map<String, Object> track(String carrier, String number, Instant start, int steps) {
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            history.add(status(JOURNEY.get(i)[0], JOURNEY.get(i)[1], start.minus(Duration.ofMinutes(30L * (JOURNEY.size() - 1 - i)))));
        }
        Map<String, Object> track = new LinkedHashMap<>();
        track.put("carrier", carrier);
        track.put("tracking_number", number);
        track.put("eta", null);
        track.put("test", true);
        track.put("tracking_status", steps == 0 ? status("UNKNOWN", "The package has not been found via the carrier's tracking system", start)
                : history.getLast());
        track.put("tracking_history", history);
        track.put("messages", List.of());
        return track;
    }

    private static Map<String, Object> status(String status, String details, Instant at) {
        Map<String, Object> row = new HashMap<>();
        row.put("object_id", "st_" + Integer.toHexString((status + at).hashCode()));
        row.put("status", status);
        row.put("status_details", details);
        row.put("status_date", at.toString());
        row.put("substatus", null);
        row.put("location", Map.of("city", "San Francisco", "state", "CA", "zip", "94107", "country", "US"));
        return row;
    }
}
