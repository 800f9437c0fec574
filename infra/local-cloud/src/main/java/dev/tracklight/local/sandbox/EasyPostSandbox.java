package dev.tracklight.local.sandbox;

import dev.tracklight.core.carriers.easypost.EasyPostAdapter;
import dev.tracklight.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EasyPost in test mode (events/carriers/easypost/README.md, "The sandbox"): {@code POST /v2/webhooks} and
 * {@code POST /v2/trackers} with HTTP Basic and a test key ({@code EZTK…}); its test numbers {@code EZ1000000001} …
 * {@code EZ7000000007} walk their documented statuses, one step every {@link #STEP}, each pushed as a
 * {@code tracker.updated} Event to the account's webhooks, signed {@code X-Hmac-Signature}. Scripted faults:
 * {@code EZ4290000429} answers 429 (Retry-After 1) and {@code EZ5000000500} answers 500, each once, then deliver;
 * {@code EZ8000000008} is followed but never pushed, so only a read ({@code GET /v2/trackers/{id}}) shows it move; any
 * other number is refused (422).
 */
public final class EasyPostSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(2);
    /** A number EasyPost follows but never pushes for: only a read of its tracker shows it moved (the safety net). */
    static final String QUIET = "EZ8000000008";
    private static final Map<String, List<String>> JOURNEYS = Map.of(
            "EZ1000000001", List.of("pre_transit"),
            "EZ2000000002", List.of("pre_transit", "in_transit"),
            "EZ3000000003", List.of("pre_transit", "in_transit", "out_for_delivery"),
            "EZ4000000004", List.of("pre_transit", "in_transit", "out_for_delivery", "delivered"),
            "EZ5000000005", List.of("pre_transit", "in_transit", "return_to_sender"),
            "EZ6000000006", List.of("pre_transit", "in_transit", "failure"),
            "EZ7000000007", List.of("unknown"),
            QUIET, List.of("pre_transit", "in_transit"));
    private static final Map<String, String> FAULTS = Map.of("EZ4290000429", "429", "EZ5000000500", "500");
    private static final Map<String, String> MESSAGES = Map.of("pre_transit", "Shipping Label Created", "in_transit", "Arrived at USPS Facility",
            "out_for_delivery", "Out for Delivery", "delivered", "Delivered, In/At Mailbox", "return_to_sender", "Return to Sender",
            "failure", "Delivery failure", "unknown", "Status not available");

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final Map<String, List<Webhook>> webhooks = new ConcurrentHashMap<>();
    /** Tracker ids by key and number: creating one twice returns the first, as EasyPost does within its dedupe window. */
    private final Map<String, String> trackers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsAnswered = new ConcurrentHashMap<>();
    private final Map<String, Followed> byId = new ConcurrentHashMap<>();
    private final List<String> trackerRequests = new CopyOnWriteArrayList<>();

    EasyPostSandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    private record Webhook(String url, String secret) {
    }

    /** A tracker and its journey, which a read shows as far as the clock has come. */
    private record Followed(String id, String key, String code, String carrier, List<String> journey, Instant start) {

        Map<String, Object> now() {
            long steps = 1 + Duration.between(start, Instant.now()).toMillis() / STEP.toMillis();
            return trackerObject(id, code, carrier, journey.subList(0, (int) Math.min(journey.size(), steps)), start);
        }
    }

    @Override
    public String name() {
        return "easypost";
    }

    /** "key number" for every tracker request this sandbox answered, in order: whose key asked for which number. */
    public List<String> trackerRequests() {
        return List.copyOf(trackerRequests);
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String method = request.method();
        String path = request.path();
        Map<String, String> headers = request.headers();
        String body = request.body();
        Optional<String> key = apiKey(headers.get("authorization"));
        if (key.isEmpty()) {
            return error(401, "APIKEY.INVALID", "The API key provided is not valid.");
        }
        if (method.equals("POST") && path.equals("/v2/webhooks")) {
            Map<?, ?> webhook = (Map<?, ?>) Json.read(body, Map.class).get("webhook");
            String url = webhook == null ? null : (String) webhook.get("url");
            if (url == null) {
                return error(422, "WEBHOOK.URL.INVALID", "url is required");
            }
            webhooks.computeIfAbsent(key.get(), k -> new CopyOnWriteArrayList<>()).add(new Webhook(url, (String) webhook.get("webhook_secret")));
            return CarrierSandbox.Answer.json(201, Json.write(Map.of("id", "hook_" + Math.abs(url.hashCode()), "object", "Webhook",
                    "mode", "test", "url", url)));
        }
        if (method.equals("POST") && path.equals("/v2/trackers")) {
            return tracker(key.get(), body);
        }
        if (method.equals("GET") && path.startsWith("/v2/trackers/")) {
            Followed followed = byId.get(path.substring("/v2/trackers/".length()));
            return followed == null || !followed.key().equals(key.get()) ? error(404, "NOT_FOUND", "The requested resource could not be found.")
                    : CarrierSandbox.Answer.json(200, Json.write(followed.now()));
        }
        return error(404, "NOT_FOUND", "The requested resource could not be found.");
    }

    private CarrierSandbox.Answer tracker(String key, String body) {
        Map<?, ?> tracker = (Map<?, ?>) Json.read(body, Map.class).get("tracker");
        String code = tracker == null ? null : (String) tracker.get("tracking_code");
        String carrier = tracker == null || tracker.get("carrier") == null ? "USPS" : (String) tracker.get("carrier");
        if (code == null) {
            return error(422, "TRACKER.TRACKING_CODE.REQUIRED", "tracking_code is required");
        }
        trackerRequests.add(key + " " + code);
        String fault = FAULTS.get(code);
        if (fault != null && faultsAnswered.computeIfAbsent(code + key, k -> new AtomicInteger()).getAndIncrement() == 0) {
            return fault.equals("429")
                    ? new CarrierSandbox.Answer(429, "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"Too many requests\"}}", Map.of("Retry-After", "1"))
                    : error(500, "INTERNAL_SERVER_ERROR", "Something went wrong");
        }
        List<String> journey = fault != null ? JOURNEYS.get("EZ4000000004") : JOURNEYS.get(code);
        if (journey == null) {
            return error(422, "TRACKER.CREATE.ERROR", "The tracking code " + code + " is not one this test account can track");
        }
        String id = trackers.computeIfAbsent(key + " " + code + " " + carrier, k -> {
            String created = "trk_" + Integer.toHexString(k.hashCode()) + Long.toHexString(System.nanoTime());
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byId.put(created, new Followed(created, key, code, carrier, journey, start));
            for (int step = 0; step < (code.equals(QUIET) ? 0 : journey.size()); step++) {
                int upTo = step;
                pushes.schedule(() -> push(key, trackerObject(created, code, carrier, journey.subList(0, upTo + 1), start)),
                        STEP.toMillis() * (step + 1), TimeUnit.MILLISECONDS);
            }
            return created;
        });
        return CarrierSandbox.Answer.json(201, Json.write(trackerObject(id, code, carrier, journey.subList(0, 1), Instant.now())));
    }

    private static Map<String, Object> trackerObject(String id, String code, String carrier, List<String> statuses, Instant start) {
        List<Map<String, Object>> details = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("object", "TrackingDetail");
            detail.put("message", MESSAGES.get(statuses.get(i)));
            detail.put("status", statuses.get(i));
            detail.put("datetime", start.plus(Duration.ofMinutes(i)).toString());
            detail.put("source", carrier);
            detail.put("tracking_location", Map.of("object", "TrackingLocation", "city", "SAN FRANCISCO", "state", "CA", "country", "US",
                    "zip", "94107"));
            details.add(detail);
        }
        Map<String, Object> tracker = new LinkedHashMap<>();
        tracker.put("id", id);
        tracker.put("object", "Tracker");
        tracker.put("mode", "test");
        tracker.put("tracking_code", code);
        tracker.put("status", statuses.getLast());
        tracker.put("carrier", carrier);
        tracker.put("tracking_details", details);
        tracker.put("created_at", start.toString());
        tracker.put("updated_at", start.plus(Duration.ofMinutes(statuses.size() - 1)).toString());
        return tracker;
    }

    private void push(String key, Map<String, Object> tracker) {
        String body = Json.write(Map.of("object", "Event", "id", "evt_" + Long.toHexString(System.nanoTime()), "mode", "test",
                "description", "tracker.updated", "result", tracker, "created_at", Instant.now().toString()));
        for (Webhook webhook : webhooks.getOrDefault(key, List.of())) {
            pusher.post(webhook.url(), "application/json", Map.of(EasyPostAdapter.SIGNATURE_HEADER, EasyPostAdapter.signature(webhook.secret(), body)),
                    body);
        }
    }

    /** Test keys only ({@code EZTK…}, as EasyPost names them), taken from HTTP Basic with the key as user. */
    private static Optional<String> apiKey(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String key = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
        return key.startsWith("EZTK") && key.length() >= 16 ? Optional.of(key) : Optional.empty();
    }

    private static CarrierSandbox.Answer error(int status, String code, String message) {
        return CarrierSandbox.Answer.json(status, Json.write(Map.of("error", Map.of("code", code, "message", message, "errors", List.of()))));
    }
}
