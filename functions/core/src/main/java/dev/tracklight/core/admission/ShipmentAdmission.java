package dev.tracklight.core.admission;

import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a merchant or a sales channel may tell us about a shipment: each field within {@link Bounds}, or a
 * 400 that names it. Checked before anything is written, so a value that cannot be stored is the caller's
 * error to fix, never a storage failure to retry.
 */
public final class ShipmentAdmission {

    private ShipmentAdmission() {
    }

    /** @param normalized the number as {@code TrackingNumbers.normalize} gives it */
    public static void requireTrackingNumber(String normalized, String field) throws ProblemException {
        if (normalized == null || normalized.isEmpty()) {
            throw bad(field + " must hold at least one letter or digit");
        }
        if (normalized.length() > Bounds.TRACKING_NUMBER) {
            throw bad(field + " has " + normalized.length() + " letters and digits; at most " + Bounds.TRACKING_NUMBER);
        }
    }

    /** @param normalized the carrier code lower-cased and trimmed */
    public static void requireCarrier(String normalized, String field) throws ProblemException {
        if (!Bounds.CARRIER.matcher(normalized).matches()) {
            throw bad(field + " must be a carrier code of 1 to 64 lower-case letters, digits, '.', '_' or '-' (e.g. ups, sf-express)");
        }
    }

    public static void requireText(String value, int max, String field) throws ProblemException {
        if (value != null && value.length() > max) {
            throw bad(field + " has " + value.length() + " characters; at most " + max);
        }
    }

    public static void requirePlace(Location place, String field) throws ProblemException {
        if (place == null) {
            return;
        }
        requireText(place.city(), Bounds.SHORT_TEXT, field + ".city");
        requireText(place.region(), Bounds.SHORT_TEXT, field + ".region");
        requireText(place.country(), Bounds.SHORT_TEXT, field + ".country");
        requireText(place.postalCode(), Bounds.SHORT_TEXT, field + ".postalCode");
        if (place.lat() != null && !Bounds.coordinate(place.lat(), 90)) {
            throw bad(field + ".lat must be a latitude from -90 to 90");
        }
        if (place.lon() != null && !Bounds.coordinate(place.lon(), 180)) {
            throw bad(field + ".lon must be a longitude from -180 to 180");
        }
    }

    public static void requireDate(LocalDate date, String field) throws ProblemException {
        if (date != null && (date.isBefore(LocalDate.ofInstant(Bounds.EARLIEST, ZoneOffset.UTC))
                || !date.isBefore(LocalDate.ofInstant(Bounds.LATEST, ZoneOffset.UTC)))) {
            throw bad(field + " " + date + " must be a date in the years 2000 to 2099");
        }
    }

    public static void requireContact(Contact contact, String field) throws ProblemException {
        if (contact == null) {
            return;
        }
        requireText(contact.name(), Bounds.SHORT_TEXT, field + ".name");
        requireText(contact.email(), Bounds.SHORT_TEXT, field + ".email");
        requireText(contact.phone(), Bounds.SHORT_TEXT, field + ".phone");
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
