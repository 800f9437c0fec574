package dev.tracklight.core.eta;

import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.PublicHolidays;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.geo.Countries;
import dev.tracklight.core.geo.GreatCircle;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registered shipment as the transit engine sees it: lanes by carrier and region (destination; origin →
 * destination; service and postal areas), the distance when both ends have coordinates, and times in the
 * destination's local time, on the destination country's business calendar.
 */
public final class ShipmentTransit {

    /** The years whose holidays are looked up; dates outside still measure, with weekends only. */
    private static final LocalDate CALENDAR_START = LocalDate.of(2015, 1, 1);
    private static final LocalDate CALENDAR_END = LocalDate.of(2040, 12, 31);
    private static final Map<String, BusinessClock> CLOCKS = new ConcurrentHashMap<>();

    private ShipmentTransit() {
    }

    /** The business calendar of the shipment's destination country. */
    public static BusinessClock clock(Shipment shipment) {
        return clock(country(shipment));
    }

    /** The business calendar of a country by its ISO alpha-2 code ("" for weekends only). */
    public static BusinessClock clock(String country) {
        return CLOCKS.computeIfAbsent(country, c -> new BusinessClock(PublicHolidays.of(c), CALENDAR_START, CALENDAR_END));
    }

    /** The destination's ISO alpha-2 code, "" when the shipment names none we know. */
    public static String country(Shipment shipment) {
        return shipment.destination() == null ? "" : Countries.alpha2(shipment.destination().country()).orElse("");
    }

    /** @param handedOver when the carrier took the parcel (or now, before it did); {@code zone} the destination's offset */
    public static TransitFeatures features(Shipment shipment, Instant handedOver, ZoneOffset zone) {
        String carrier = shipment.carrier();
        String to = region(shipment.destination());
        List<String> lanes = List.of(carrier + "|to:" + to, carrier + "|" + region(shipment.origin()) + ">" + to,
                carrier + "|" + (shipment.serviceLevel() == null ? "" : shipment.serviceLevel()) + "|"
                        + area(shipment.origin()) + ">" + area(shipment.destination()));
        return new TransitFeatures(lanes, distanceKm(shipment.origin(), shipment.destination()),
                LocalDateTime.ofInstant(shipment.createdAt(), zone), shipment.promisedDelivery(), LocalDateTime.ofInstant(handedOver, zone));
    }

    private static String region(Location place) {
        if (place == null) {
            return "?";
        }
        String region = place.region() != null ? place.region() : place.city();
        return (place.country() == null ? "" : place.country().toUpperCase(Locale.ROOT)) + "-"
                + (region == null ? "" : region.toUpperCase(Locale.ROOT));
    }

    /** The first three characters of the postal code: a district in most numbering schemes. */
    private static String area(Location place) {
        return place == null || place.postalCode() == null ? "?" : place.postalCode().substring(0, Math.min(3, place.postalCode().length()));
    }

    private static Double distanceKm(Location from, Location to) {
        if (from == null || to == null || from.lat() == null || from.lon() == null || to.lat() == null || to.lon() == null) {
            return null;
        }
        return GreatCircle.km(from.lat(), from.lon(), to.lat(), to.lon());
    }
}
