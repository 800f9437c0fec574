package dev.tracklight.local.sandbox;

import dev.tracklight.core.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DHL Shipment Tracking – Unified as its reference describes it (events/carriers/dhl/README.md, "The sandbox"):
 * {@code GET /track/shipments?trackingNumber=…} with a {@code DHL-API-Key} named {@code sandbox-…} of 16 or more
 * characters. {@code 00340434161094000001} walks pre-transit → transit → transit → delivered, one step every
 * {@link #STEP} from its first request, with local times that carry no offset (as Post &amp; Parcel Germany writes
 * them); {@code 00340434161094000404} is never found; {@code 00340434161094000429} and {@code …0503} answer 429
 * (Retry-After 1) or 503 once, then walk the same journey. Errors are RFC 7807 problems.
 */
public final class DhlSandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(5);
    static final String JOURNEY_NUMBER = "00340434161094000001";
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"pre-transit", "The shipment has been electronically announced", "Bonn"},
            new String[]{"transit", "The shipment has been processed in the parcel center", "Köln"},
            new String[]{"transit", "The shipment has been loaded onto the delivery vehicle", "Berlin"},
            new String[]{"delivered", "The shipment has been delivered", "Berlin"});
    private static final Map<String, Integer> FAULTS = Map.of("00340434161094000429", 429, "00340434161094000503", 503);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final JourneyClock clock = new JourneyClock(STEP);

    @Override
    public String name() {
        return "dhl";
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        String key = request.headers().getOrDefault("dhl-api-key", "");
        if (!key.startsWith("sandbox-") || key.length() < 16) {
            return problem(401, "Unauthorized", "Invalid API key");
        }
        String number = request.query().get("trackingNumber");
        if (!request.method().equals("GET") || !request.path().equals("/track/shipments") || number == null) {
            return problem(404, "Not Found", "No route for " + request.method() + " " + request.path());
        }
        Integer fault = FAULTS.get(number);
        if (fault != null && clock.firstTime(key + number)) {
            return fault == 429 ? new CarrierSandbox.Answer(429, Json.write(Map.of("title", "Too many requests", "status", 429,
                    "detail", "Too many requests. Please wait and try again.")), Map.of("Retry-After", "1"))
                    : problem(503, "Service Unavailable", "The service is temporarily unavailable");
        }
        if (!number.equals(JOURNEY_NUMBER) && fault == null) {
            return problem(404, "No result found", "No shipment with given tracking number found.");
        }
        List<Map<String, Object>> events = clock.newestFirst(key + number, JOURNEY, DhlSandbox::event);
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("id", number);
        shipment.put("service", "parcel-de");
        shipment.put("status", events.getFirst());
        shipment.put("events", events);
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("shipments", List.of(shipment))));
    }

    private static Map<String, Object> event(String[] step, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("timestamp", at.atZone(BERLIN).toLocalDateTime().withNano(0).toString());
        event.put("location", Map.of("address", Map.of("addressLocality", step[2], "countryCode", "DE")));
        event.put("statusCode", step[0]);
        event.put("status", step[0].toUpperCase(java.util.Locale.ROOT));
        event.put("description", step[1]);
        return event;
    }

    private static CarrierSandbox.Answer problem(int status, String title, String detail) {
        return CarrierSandbox.Answer.json(status, Json.write(Map.of("title", title, "status", status, "detail", detail)));
    }
}
