package dev.tracklight.local.sandbox;

import dev.tracklight.core.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * USPS APIs v3 as USPS/api-examples describes them (events/carriers/usps/README.md, "The sandbox"): {@code POST
 * /oauth2/v3/token} with a JSON body naming a client {@code sandbox-…} and a secret of 16 or more characters, and
 * {@code GET /tracking/v3/tracking/{number}?expand=DETAIL} with the token. {@code 9400100000000000000001} walks label
 * created → accepted → processed → out for delivery → delivered, one step every {@link #STEP} from its first
 * request, each scan's local time written with USPS's misleading {@code Z} and its real {@code GMTOffset}; {@code
 * 9400100000000000000400} answers 400 "not yet available" (150001), as USPS does for a number it has no scan for;
 * {@code 9400100000000000000429} answers 429 once (Retry-After 1), then walks the same journey.
 */
public final class UspsSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(5);
    private static final String JOURNEY_NUMBER = "9400100000000000000001";
    private static final String LIMITED = "9400100000000000000429";
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"GX", "Shipping Label Created, USPS Awaiting Item", "RICHMOND", "VA"},
            new String[]{"03", "USPS in possession of item", "RICHMOND", "VA"},
            new String[]{"10", "Arrived at USPS Regional Facility", "SANDSTON", "VA"},
            new String[]{"OF", "Out for Delivery", "ARLINGTON", "VA"},
            new String[]{"01", "Delivered, In/At Mailbox", "ARLINGTON", "VA"});
    private static final ZoneOffset EASTERN = ZoneOffset.ofHours(-5);
    private static final String TRACKING = "/tracking/v3/tracking/";

    private final SandboxClients clients = new SandboxClients();
    private final JourneyClock clock = new JourneyClock(STEP);

    @Override
    public String name() {
        return "usps";
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        if (request.method().equals("POST") && request.path().equals("/oauth2/v3/token")) {
            return token(request.body());
        }
        if (!request.method().equals("GET") || !request.path().startsWith(TRACKING)) {
            return error(404, "404", "Resource not found", "404");
        }
        Optional<String> client = clients.bearer(request.headers().get("authorization"));
        if (client.isEmpty()) {
            return error(401, "401", "Missing or malformed access token", "401");
        }
        String number = request.path().substring(TRACKING.length());
        String key = client.get() + number;
        if (number.equals(LIMITED) && clock.firstTime(key)) {
            return new CarrierSandbox.Answer(429, errorBody("429", "Exceeded quota limit.", "429"), Map.of("Retry-After", "1"));
        }
        if (!number.equals(JOURNEY_NUMBER) && !number.equals(LIMITED)) {
            return error(400, "400", "12: A status update is not yet available on your package. It will be available when the shipper"
                    + " provides an update or the package is delivered to USPS.", "150001");
        }
        List<Map<String, Object>> events = clock.newestFirst(key, JOURNEY, UspsSandbox::event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("trackingNumber", number);
        answer.put("statusCategory", events.getFirst().get("eventType"));
        answer.put("mailClass", "USPS Ground Advantage");
        answer.put("trackingEvents", events);
        return CarrierSandbox.Answer.json(200, Json.write(answer));
    }

    private CarrierSandbox.Answer token(String body) {
        Map<?, ?> fields;
        try {
            fields = Json.read(body, Map.class);
        } catch (RuntimeException notJson) {
            fields = Map.of();
        }
        Optional<String> token = "client_credentials".equals(fields.get("grant_type"))
                ? clients.issue((String) fields.get("client_id"), (String) fields.get("client_secret")) : Optional.empty();
        return token.map(value -> CarrierSandbox.Answer.json(200, Json.write(Map.of("access_token", value, "token_type", "Bearer",
                        "expires_in", 28799, "status", "approved", "issuer", "api.usps.com"))))
                .orElseGet(() -> CarrierSandbox.Answer.json(401, Json.write(Map.of("error", "invalid_client", "error_description",
                        "Client authentication failed: the credentials provided in the request are missing, invalid, inactive or not approved"))));
    }

    /** One event as USPS writes it: the local time with a {@code Z} that is not UTC, the true offset beside it. */
    private static Map<String, Object> event(String[] step, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        event.put("eventType", step[1]);
        event.put("eventTimestamp", second.atOffset(EASTERN).toLocalDateTime() + "Z");
        event.put("GMTTimestamp", second.toString());
        event.put("GMTOffset", "-5:00");
        event.put("eventCountry", "");
        event.put("eventCity", step[2]);
        event.put("eventState", step[3]);
        event.put("eventZIP", "22201");
        event.put("eventCode", step[0]);
        return event;
    }

    private static String errorBody(String code, String message, String detailCode) {
        return Json.write(Map.of("apiVersion", "/tracking/v3", "error", Map.of("code", code, "message", message,
                "errors", List.of(Map.of("code", detailCode, "title", message)))));
    }

    private static CarrierSandbox.Answer error(int status, String code, String message, String detailCode) {
        return CarrierSandbox.Answer.json(status, errorBody(code, message, detailCode));
    }
}
