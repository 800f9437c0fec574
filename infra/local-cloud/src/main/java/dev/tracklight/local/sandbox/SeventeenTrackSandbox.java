package dev.tracklight.local.sandbox;

import dev.tracklight.core.carriers.seventeentrack.SeventeenTrackAdapter;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * 17TRACK's API v2.2 (events/carriers/17track/README.md, "The sandbox"): {@code POST /track/v2.2/register} and
 * {@code /gettrackinfo} with a key of 16 or more characters in {@code 17token}. {@code 17TLSANDBOX00001} walks
 * info received → picked up → in transit → out for delivery → delivered, one step every {@link #STEP}, each pushed
 * as {@code TRACKING_UPDATED} signed {@code sign} = SHA-256(body + "/" + key) to the URL set for the key in the
 * console (here {@code POST /console/webhook {"url"}}, standing in for 17TRACK's web console); a second register
 * is rejected as already registered (-18019901); any other number is rejected (-18019902, the sandbox's own).
 * {@code /stoptrack} stops a registered number's pushes (a second stop: -18019906).
 */
public final class SeventeenTrackSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(2);
    static final String JOURNEY_NUMBER = "17TLSANDBOX00001";
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"InfoReceived", "InfoReceived", "Shipment information received"},
            new String[]{"InTransit", "InTransit_PickedUp", "Picked up by the carrier"},
            new String[]{"InTransit", "InTransit_Other", "Arrived at the regional facility"},
            new String[]{"OutForDelivery", "OutForDelivery_Other", "Out for delivery"},
            new String[]{"Delivered", "Delivered_Other", "Delivered, front door"});

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final Map<String, String> consoleWebhooks = new ConcurrentHashMap<>();
    private final Map<String, Instant> registered = new ConcurrentHashMap<>();
    /** "key number" of every number a key stopped: a stopped number is pushed no more. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();

    SeventeenTrackSandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "17track";
    }

    /** Whether this key stopped tracking the number ({@code /stoptrack}). */
    public boolean stopped(String key, String number) {
        return stopped.contains(key + " " + number);
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String method = request.method();
        String path = request.path();
        Map<String, String> headers = request.headers();
        String body = request.body();
        String key = headers.get("17token");
        if (key == null || key.length() < 16) {
            return CarrierSandbox.Answer.json(401, "{\"code\":401,\"data\":{\"errors\":[{\"code\":-18010002,\"message\":\"Invalid token\"}]}}");
        }
        if (method.equals("POST") && path.equals("/console/webhook")) {
            consoleWebhooks.put(key, (String) Json.read(body, Map.class).get("url"));
            return CarrierSandbox.Answer.json(200, "{\"code\":0}");
        }
        List<?> numbers = Json.read(body, List.class);
        String number = numbers.isEmpty() ? "" : String.valueOf(((Map<?, ?>) numbers.getFirst()).get("number"));
        Object carrier = numbers.isEmpty() ? null : ((Map<?, ?>) numbers.getFirst()).get("carrier");
        if (method.equals("POST") && path.equals("/track/v2.2/register")) {
            return register(key, number, carrier);
        }
        if (method.equals("POST") && path.equals("/track/v2.2/stoptrack")) {
            if (registered.get(key + number) == null) {
                return answer(List.of(), List.of(rejected(number, -18019902, "Tracking number " + number + " is not registered yet.")));
            }
            if (!stopped.add(key + " " + number)) {
                return answer(List.of(), List.of(rejected(number, -18019906, "Only numbers being tracked can be stopped.")));
            }
            return answer(List.of(Map.of("number", number, "carrier", carrier == null ? 21051 : carrier)), List.of());
        }
        if (method.equals("POST") && path.equals("/track/v2.2/gettrackinfo")) {
            Instant start = registered.get(key + number);
            return start == null ? answer(List.of(), List.of(rejected(number, -18019903, "The tracking number is not registered")))
                    : answer(List.of(record(number, start, revealed(start))), List.of());
        }
        return CarrierSandbox.Answer.json(404, "{\"code\":404}");
    }

    private CarrierSandbox.Answer register(String key, String number, Object carrier) {
        if (!number.equals(JOURNEY_NUMBER)) {
            return answer(List.of(), List.of(rejected(number, -18019902, "The carrier cannot be detected for this number")));
        }
        if (registered.putIfAbsent(key + number, Instant.now().truncatedTo(ChronoUnit.SECONDS)) != null) {
            return answer(List.of(), List.of(rejected(number, -18019901, "The tracking number is already registered")));
        }
        Instant start = registered.get(key + number);
        for (int step = 1; step <= JOURNEY.size(); step++) {
            int upTo = step;
            pushes.schedule(() -> push(key, record(number, start, upTo)), STEP.toMillis() * step, TimeUnit.MILLISECONDS);
        }
        return answer(List.of(Map.of("origin", 1, "number", number, "carrier", carrier == null ? 21051 : carrier)), List.of());
    }

    private static int revealed(Instant start) {
        return (int) Math.min(JOURNEY.size(), Duration.between(start, Instant.now()).toMillis() / STEP.toMillis());
    }

    /** The record as a push's {@code data} and {@code gettrackinfo}'s {@code accepted[]} carry it: newest scan first. */
    private static Map<String, Object> record(String number, Instant start, int steps) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = steps - 1; i >= 0; i--) {
            String[] step = JOURNEY.get(i);
            Instant at = start.minus(Duration.ofHours(2L * (JOURNEY.size() - 1 - i)));
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("time_iso", at.atOffset(ZoneOffset.ofHours(-5)).toString());
            event.put("time_utc", at.toString());
            event.put("description", step[2]);
            event.put("stage", step[0]);
            event.put("sub_status", step[1]);
            event.put("address", Map.of("city", "CHICAGO", "state", "IL", "country", "US"));
            events.add(event);
        }
        Map<String, Object> latest = steps == 0 ? Map.of("status", "NotFound", "sub_status", "NotFound_Other")
                : Map.of("status", JOURNEY.get(steps - 1)[0], "sub_status", JOURNEY.get(steps - 1)[1]);
        return Map.of("number", number, "carrier", 21051, "track_info", Map.of("latest_status", latest,
                "tracking", Map.of("providers", List.of(Map.of("provider", Map.of("key", 21051, "name", "USPS"), "events", events)))));
    }

    private void push(String key, Map<String, Object> record) {
        String url = consoleWebhooks.get(key);
        if (url == null || stopped(key, String.valueOf(record.get("number")))) {
            return; // no webhook set in the console: 17TRACK has nowhere to push
        }
        String body = Json.write(Map.of("event", "TRACKING_UPDATED", "data", record));
        pusher.post(url, "application/json", Map.of(SeventeenTrackAdapter.SIGNATURE_HEADER, SeventeenTrackAdapter.signature(key, body)), body);
    }

    private static Map<String, Object> rejected(String number, long code, String message) {
        return Map.of("number", number, "error", Map.of("code", code, "message", message));
    }

    private static CarrierSandbox.Answer answer(List<?> accepted, List<?> rejected) {
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("code", 0, "data", Map.of("accepted", accepted, "rejected", rejected))));
    }
}
