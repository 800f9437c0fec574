package dev.tracklight.core.carriers;

import dev.tracklight.core.json.JsonText;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads untrusted webhook JSON with JSON-P, field by field, so every refusal says which field is wrong
 * and where ({@code events[2].occurredAt}). Ids stay strings: nothing is read through a double.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonObject object(String body) throws ProblemException {
        JsonValue value = JsonText.parse(body);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw bad("body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /** The object at {@code field}, or null when absent or null. */
    public static JsonObject optionalObject(JsonObject json, String field, String path) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw bad(at(path, field) + " must be an object");
        }
        return value.asJsonObject();
    }

    public static JsonObject requiredObject(JsonObject json, String field, String path) throws ProblemException {
        JsonObject value = optionalObject(json, field, path);
        if (value == null) {
            throw bad(at(path, field) + " is required");
        }
        return value;
    }

    /** The array at {@code field}; absent or null reads as empty. */
    public static JsonArray array(JsonObject json, String field, String path) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw bad(at(path, field) + " must be an array");
        }
        return value.asJsonArray();
    }

    /** One object of an array with its path, {@code events[2]}, for the errors that name it. */
    public record Element(JsonObject json, String path) {
    }

    /** The objects of the array at {@code field} (absent reads as empty); any other element is refused. */
    public static List<Element> objects(JsonObject json, String field, String path) throws ProblemException {
        JsonArray array = array(json, field, path);
        List<Element> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = at(path, field) + "[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw bad(at + " must be an object");
            }
            out.add(new Element(array.getJsonObject(i), at));
        }
        return out;
    }

    /**
     * A source's checkpoint list: {@link #objects} without the rows that hold nothing (every value null or
     * blank, nested ones too), which aggregators send for a scan they could not read. Such a row says
     * nothing, and must not cost the rest of the push.
     */
    public static List<Element> rows(JsonObject json, String field, String path) throws ProblemException {
        List<Element> rows = objects(json, field, path);
        rows.removeIf(row -> holdsNothing(row.json()));
        return rows;
    }

    private static boolean holdsNothing(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> true;
            case STRING -> ((JsonString) value).getString().isBlank();
            case OBJECT -> value.asJsonObject().values().stream().allMatch(JsonBody::holdsNothing);
            case ARRAY -> value.asJsonArray().stream().allMatch(JsonBody::holdsNothing);
            default -> false;
        };
    }

    public static String optionalString(JsonObject json, String field, String path) throws ProblemException {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw bad(at(path, field) + " must be a string");
    }

    /**
     * An identifier sent as a number or a string, as text: platforms' ids (Shopify's 820982911946154508) pass
     * 2^53, where a double would round them, so the number is read exactly.
     */
    public static String optionalId(JsonObject json, String field, String path) throws ProblemException {
        JsonValue value = json.get(field);
        if (value instanceof JsonNumber number) {
            try {
                return number.bigIntegerValueExact().toString();
            } catch (ArithmeticException e) {
                throw bad(at(path, field) + " must be a whole number");
            }
        }
        return optionalText(json, field, path);
    }

    public static String requiredId(JsonObject json, String field, String path) throws ProblemException {
        String value = optionalId(json, field, path);
        if (value == null) {
            throw bad(at(path, field) + " is required");
        }
        return value;
    }

    /** A string field with blanks read as absent: sources send "" for "no value". */
    public static String optionalText(JsonObject json, String field, String path) throws ProblemException {
        String value = optionalString(json, field, path);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static String requiredString(JsonObject json, String field, String path) throws ProblemException {
        String value = optionalString(json, field, path);
        if (value == null || value.isBlank()) {
            throw bad(at(path, field) + " is required");
        }
        return value;
    }

    /** An ISO-8601 timestamp with an offset ({@code Z} counts), or null when absent. */
    public static OffsetDateTime optionalTimestamp(JsonObject json, String field, String path) throws ProblemException {
        String text = optionalString(json, field, path);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(at(path, field) + " '" + text + "' must be ISO-8601 with an offset, e.g. 2026-11-20T14:22:00+08:00");
        }
    }

    /**
     * A time a source gives only as context (a record's update time, a delivery date), or null when it is
     * absent or unreadable: such a field must never cost a push. A time without an offset is read as UTC,
     * a date as its start in UTC.
     */
    public static OffsetDateTime lenientTimestamp(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonString string) || string.getString().isBlank()) {
            return null;
        }
        String text = string.getString().strip();
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutTime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    /** {@link #lenientTimestamp} as an instant. */
    public static Instant lenientInstant(JsonObject json, String field) {
        OffsetDateTime time = lenientTimestamp(json, field);
        return time == null ? null : time.toInstant();
    }

    public static OffsetDateTime requiredTimestamp(JsonObject json, String field, String path) throws ProblemException {
        OffsetDateTime value = optionalTimestamp(json, field, path);
        if (value == null) {
            throw bad(at(path, field) + " is required");
        }
        return value;
    }

    /** {@code +00:00} rather than {@code Z}, so every stored offset has the same shape. */
    public static String offsetId(OffsetDateTime time) {
        return time.getOffset().getTotalSeconds() == 0 ? "+00:00" : time.getOffset().getId();
    }

    /**
     * The address object at {@code field}, read through the source's own names for its parts ({@code region}
     * may be null when the source has none); blanks count as absent, and an empty address as none.
     */
    public static Location place(JsonObject json, String field, String path, String city, String region, String country,
                                 String postalCode) throws ProblemException {
        JsonObject place = optionalObject(json, field, path);
        if (place == null) {
            return null;
        }
        String where = at(path, field);
        return Location.ifAny(optionalText(place, city, where), region == null ? null : optionalText(place, region, where),
                optionalText(place, country, where), optionalText(place, postalCode, where), null, null);
    }

    public static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
