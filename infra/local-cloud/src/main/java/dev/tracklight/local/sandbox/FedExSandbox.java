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
 * FedEx's OAuth and Track APIs as FedEx's API reference describes them (events/carriers/fedex/README.md, "The
 * sandbox"): {@code POST /oauth/token} with {@code client_id} {@code sandbox-…} and a secret of 16 or more characters
 * as form fields, and {@code POST /track/v1/trackingnumbers} with the token. {@code 770000000001} walks picked up →
 * arrived → departed → on vehicle → delivered, one step every {@link #STEP} from its first request, scans dated with
 * their Memphis offset; {@code 770000000404} answers 200 with {@code TRACKING.TRACKINGNUMBER.NOTFOUND} in its result,
 * as FedEx does; {@code 770000000429} answers 429 once (FedEx names no Retry-After), then walks the same journey.
 */
public final class FedExSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(5);
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"PU", "Picked up", "MEMPHIS", "TN"},
            new String[]{"AR", "Arrived at FedEx location", "MEMPHIS", "TN"},
            new String[]{"DP", "Departed FedEx location", "MEMPHIS", "TN"},
            new String[]{"OD", "On FedEx vehicle for delivery", "NASHVILLE", "TN"},
            new String[]{"DL", "Delivered", "NASHVILLE", "TN"});
    private static final ZoneOffset CENTRAL = ZoneOffset.ofHours(-6);

    private final SandboxClients clients = new SandboxClients();
    private final JourneyClock clock = new JourneyClock(STEP);

    @Override
    public String name() {
        return "fedex";
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        if (request.method().equals("POST") && request.path().equals("/oauth/token")) {
            Map<String, String> form = request.form();
            Optional<String> token = "client_credentials".equals(form.get("grant_type"))
                    ? clients.issue(form.get("client_id"), form.get("client_secret")) : Optional.empty();
            return token.map(value -> CarrierSandbox.Answer.json(200, Json.write(Map.of("access_token", value, "token_type", "bearer",
                    "expires_in", 3599, "scope", "CXS")))).orElseGet(() -> error(401, "NOT.AUTHORIZED.ERROR",
                    "The given client credentials were not valid. Please modify your request and try again."));
        }
        if (!request.method().equals("POST") || !request.path().equals("/track/v1/trackingnumbers")) {
            return error(404, "NOT.FOUND.ERROR", "The resource you requested is no longer available.");
        }
        Optional<String> client = clients.bearer(request.headers().get("authorization"));
        if (client.isEmpty()) {
            return error(401, "NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again.");
        }
        String number = number(request.body());
        if (number == null) {
            return error(400, "TRACKING.TRACKINGNUMBER.EMPTY", "Please provide tracking number.");
        }
        if (number.equals("770000000429") && clock.firstTime(client.get() + number)) {
            return error(429, "TOO.MANY.REQUESTS.ERROR", "We have received too many requests in a short duration. Please wait a while to try again.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("trackingNumberInfo", Map.of("trackingNumber", number, "carrierCode", "FDXE"));
        if (!number.equals("770000000001") && !number.equals("770000000429")) {
            result.put("error", Map.of("code", "TRACKING.TRACKINGNUMBER.NOTFOUND", "message",
                    "The tracking number you entered can't be found right now. Please check the number with the shipper or try again later."));
        } else {
            result.put("scanEvents", clock.newestFirst(client.get() + number, JOURNEY, FedExSandbox::scan));
        }
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("transactionId", "sandbox-" + System.nanoTime(), "output",
                Map.of("completeTrackResults", List.of(Map.of("trackingNumber", number, "trackResults", List.of(result)))))));
    }

    private static Map<String, Object> scan(String[] step, Instant at) {
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("date", at.truncatedTo(ChronoUnit.SECONDS).atOffset(CENTRAL).toString());
        scan.put("eventType", step[0]);
        scan.put("eventDescription", step[1]);
        scan.put("locationId", step[2].substring(0, 3) + "A");
        scan.put("scanLocation", Map.of("city", step[2], "stateOrProvinceCode", step[3], "countryCode", "US", "postalCode", "38118"));
        return scan;
    }

    private static String number(String body) {
        try {
            List<?> info = (List<?>) Json.read(body, Map.class).get("trackingInfo");
            Map<?, ?> first = info == null || info.isEmpty() ? null : (Map<?, ?>) ((Map<?, ?>) info.getFirst()).get("trackingNumberInfo");
            return first == null ? null : (String) first.get("trackingNumber");
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static CarrierSandbox.Answer error(int status, String code, String message) {
        return CarrierSandbox.Answer.json(status, Json.write(Map.of("transactionId", "sandbox-" + System.nanoTime(),
                "errors", List.of(Map.of("code", code, "message", message)))));
    }
}
