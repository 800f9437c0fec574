package dev.tracklight.local.sandbox;

import dev.tracklight.core.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * UPS's OAuth and Track APIs as UPS-API/api-documentation describes them (events/carriers/ups/README.md, "The
 * sandbox"): {@code POST /security/v1/oauth/token} for clients named {@code sandbox-…} with a secret of 16 or more
 * characters, and {@code GET /api/track/v1/details/{inquiryNumber}} with a token, {@code transId} and {@code
 * transactionSrc}. {@code 1ZTLSANDBOX0000001} walks manifest → pick-up → in transit → out for delivery → delivered,
 * one step every {@link #STEP} from its first request; {@code 1ZTLSANDBOX0000404} is never found; {@code
 * 1ZTLSANDBOX0000429} and {@code 1ZTLSANDBOX0000503} answer 429 (Retry-After 1) or 503 once, then walk the same
 * journey. Track Alert ({@code POST /api/track/v1/subscription/standard/package}) takes {@code 1ZTLSANDBOX0000001},
 * whose journey it then pushes one activity per POST with the subscriber's {@code credential}, and {@code
 * 1ZTLSANDBOX0000008}, whose pushes never arrive (UPS retries none), so only the Track API shows it move; it lists
 * every other number as invalid, so those are polled.
 */
public final class UpsSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(5);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"M", "MP", "Shipper created a label, UPS has not received the package yet.", "003"},
            new String[]{"I", "OR", "Pickup Scan", "005"},
            new String[]{"I", "AR", "Arrived at Facility", "005"},
            new String[]{"I", "OT", "Out For Delivery Today", "021"},
            new String[]{"D", "FS", "Delivered", "011"});
    private static final Map<String, Integer> FAULTS = Map.of("1ZTLSANDBOX0000429", 429, "1ZTLSANDBOX0000503", 503);

    /** Numbers Track Alert takes: the journey, pushed, and one UPS follows but whose pushes never arrive (UPS does not retry). */
    private static final List<String> ALERTABLE = List.of("1ZTLSANDBOX0000001", "1ZTLSANDBOX0000008");
    private static final List<String> WALKING = List.of("1ZTLSANDBOX0000001", "1ZTLSANDBOX0000008", "1ZTLSANDBOX0000429", "1ZTLSANDBOX0000503");

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final SandboxClients clients = new SandboxClients();
    private final JourneyClock clock = new JourneyClock(STEP);
    private final List<String> trackRequests = new CopyOnWriteArrayList<>();

    UpsSandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "ups";
    }

    /** "client number" for every Track API request answered, in order: whose client asked for which number. */
    public List<String> trackRequests() {
        return List.copyOf(trackRequests);
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String method = request.method();
        String path = request.path();
        Map<String, String> headers = request.headers();
        String body = request.body();
        if (method.equals("POST") && path.equals("/security/v1/oauth/token")) {
            return token(headers.get("authorization"), body);
        }
        if (method.equals("POST") && path.equals("/api/track/v1/subscription/standard/package")) {
            return subscribe(headers, body);
        }
        if (method.equals("GET") && path.startsWith("/api/track/v1/details/")) {
            return track(path.substring("/api/track/v1/details/".length()), headers);
        }
        return error(404, "9370701", "Resource not found");
    }

    private CarrierSandbox.Answer token(String authorization, String body) {
        Optional<String[]> client = basic(authorization);
        Optional<String> token = client.flatMap(given -> clients.issue(given[0], given[1]));
        if (token.isEmpty()) {
            return error(401, "10401", "ClientId is Invalid");
        }
        if (!body.contains("grant_type=client_credentials")) {
            return error(400, "10400", "Invalid/Missing grant_type");
        }
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("token_type", "Bearer", "issued_at", Long.toString(System.currentTimeMillis()),
                "client_id", client.get()[0], "access_token", token.get(), "scope", "", "expires_in", "14399", "refresh_count", "0",
                "status", "approved")));
    }

    private CarrierSandbox.Answer track(String number, Map<String, String> headers) {
        String client = clients.bearer(headers.get("authorization")).orElse(null);
        if (client == null) {
            return error(401, "250002", "Invalid Authentication Information.");
        }
        if (headers.get("transid") == null || headers.get("transactionsrc") == null) {
            return error(400, "TV0001", "transId and transactionSrc are required");
        }
        trackRequests.add(client + " " + number);
        Integer fault = FAULTS.get(number);
        if (fault != null && clock.firstTime(client + number)) {
            return fault == 429 ? new CarrierSandbox.Answer(429, errorBody("TW0002", "Too many requests"), Map.of("Retry-After", "1"))
                    : error(503, "TW0003", "Resource is not available");
        }
        if (!WALKING.contains(number)) {
            return error(404, "TW0001", "Tracking Information Not Found");
        }
        List<Map<String, Object>> activities = clock.newestFirst(client + number, JOURNEY, UpsSandbox::activity);
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("trackingNumber", number);
        pack.put("activity", activities);
        pack.put("currentStatus", activities.getFirst().get("status"));
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("trackResponse", Map.of("shipment", List.of(Map.of(
                "inquiryNumber", number, "package", List.of(pack)))))));
    }

    /** Track Alert's subscription: valid numbers are pushed one activity per POST, with the subscriber's credential. */
    private CarrierSandbox.Answer subscribe(Map<String, String> headers, String body) {
        Optional<String> client = clients.bearer(headers.get("authorization"));
        if (client.isEmpty()) {
            return CarrierSandbox.Answer.json(401, Json.write(Map.of("errors", List.of(Map.of("code", "UJ0001",
                    "message", "Invalid token or token is not present.")))));
        }
        Map<?, ?> request = Json.read(body, Map.class);
        Map<?, ?> destination = request.get("destination") instanceof Map<?, ?> map ? map : Map.of();
        if (!(request.get("trackingNumberList") instanceof List<?> numbers) || numbers.isEmpty()) {
            return error(400, "VSS200", "Tracking number list is required.");
        }
        if (destination.get("url") == null || destination.get("credential") == null) {
            return error(400, "VSS500", "Destination is required.");
        }
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Object number : numbers) {
            (ALERTABLE.contains(String.valueOf(number)) ? valid : invalid).add(String.valueOf(number));
        }
        if (valid.contains("1ZTLSANDBOX0000001")) {
            // one journey per client and number: a scan pushed here and read from the Track API has one time
            String key = client.get() + "1ZTLSANDBOX0000001";
            for (int i = 0; i < JOURNEY.size(); i++) {
                String[] status = JOURNEY.get(i);
                Instant at = clock.scannedAt(key, i, JOURNEY.size());
                pushes.schedule(() -> pusher.post((String) destination.get("url"), "application/json", Map.of("credential",
                                (String) destination.get("credential"), "User-Agent", "UPSPubSubTrackingService"),
                        Json.write(alert("1ZTLSANDBOX0000001", status, at))), STEP.toMillis() * (i + 1) / 2, TimeUnit.MILLISECONDS);
            }
        }
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("validTrackingNumbers", valid, "invalidTrackingNumbers", invalid)));
    }

    /** One Track Alert v1 event, as UPS posts it. */
    private static Map<String, Object> alert(String number, String[] status, Instant at) {
        ZoneOffset newYork = ZoneOffset.ofHours(-5);
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("trackingNumber", number);
        alert.put("localActivityDate", at.atOffset(newYork).format(DATE));
        alert.put("localActivityTime", at.atOffset(newYork).format(TIME));
        alert.put("activityLocation", Map.of("city", "NEW YORK", "stateProvince", "NY", "postalCode", "10001", "country", "US"));
        alert.put("activityStatus", Map.of("type", status[0], "code", status[1], "description", status[2], "descriptionCode", status[3]));
        alert.put("scheduledDeliveryDate", "");
        alert.put("gmtActivityDate", at.atOffset(ZoneOffset.UTC).format(DATE));
        alert.put("gmtActivityTime", at.atOffset(ZoneOffset.UTC).format(TIME));
        return alert;
    }

    /** One activity as the Track API writes it: local and GMT clocks (GMT time without its leading zero), New York. */
    private static Map<String, Object> activity(String[] status, Instant at) {
        ZoneOffset newYork = ZoneOffset.ofHours(-5);
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("location", Map.of("address", Map.of("city", "NEW YORK", "stateProvince", "NY", "postalCode", "10001",
                "country", "US", "countryCode", "US"), "slic", "8566"));
        activity.put("status", Map.of("type", status[0], "code", status[1], "description", status[2], "statusCode", status[3]));
        activity.put("date", at.atOffset(newYork).format(DATE));
        activity.put("time", at.atOffset(newYork).format(TIME));
        activity.put("gmtDate", at.atOffset(ZoneOffset.UTC).format(DATE));
        activity.put("gmtTime", String.valueOf(Integer.parseInt(at.atOffset(ZoneOffset.UTC).format(TIME))));
        activity.put("gmtOffset", "-05:00");
        return activity;
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String errorBody(String code, String message) {
        return Json.write(Map.of("response", Map.of("errors", List.of(Map.of("code", code, "message", message)))));
    }

    private static CarrierSandbox.Answer error(int status, String code, String message) {
        return CarrierSandbox.Answer.json(status, errorBody(code, message));
    }
}
