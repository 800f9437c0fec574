package dev.tracklight.local;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Bodies a careless or hostile sender could make of a real sample: a field deleted, a value of another type,
 * a value no calendar or double holds, a huge text, a long list, deep nesting, the body cut short, trailing
 * bytes, random bytes. Seeded, so a failure names a body that can be made again.
 */
final class JsonMutations {

    /** Values put in place of any field: each has broken a parser somewhere. */
    private static final List<String> ODD_VALUES = List.of(
            "null", "true", "0", "-1", "1e400", "-1e400", "99999999999999999999999999", "0.1e-400", "\"\"", "\" \"", "{}", "[]",
            "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"",
            "\"2026-13-45T99:99:99Z\"", "\"2026-11-20 08:00:00\"", "\"2026-11-20\"", "\"not a date\"", "\"\\u0000\\u001f\"",
            "\"\\ud83d\\udce6 ✓ 顺丰 <b>x</b>\"", "\"\\ud800\"", "[null]", "[{}]", "{\"a\":null}", "\"../../etc/passwd\"",
            "\"" + "9".repeat(300) + "\"", "1.7976931348623157e308", "-0");

    /** In place of a time: outside every calendar, before any parcel, far ahead, not a time at all. */
    private static final List<String> ODD_TIMES = List.of(
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
            "0001-01-01T00:00:00+14:00", "2026-13-45T99:99:99Z", "2026-11-20T08:00:00+25:00", "2026-11-20", "2026-11-20 08:00:00", "");

    /** In place of a number: beyond a double, beyond a long, negative, fractional where ids are whole. */
    private static final List<String> ODD_NUMBERS = List.of(
            "1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809", "0.5", "-1", "1e-400", "123456789012345678901234567890.5");

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final Random random;

    JsonMutations(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Mutants of a JSON sample: one time and one number of it (chosen at random) replaced by every odd value of
     * their kind, then {@code count} of random kinds.
     */
    List<String> of(String sample, int count) {
        JsonStructure root = Json.createReader(new StringReader(sample)).read();
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        List<String> mutants = new ArrayList<>();
        every(root, leaves(root, pointers, value -> value instanceof JsonString text && TIME.matcher(text.getString()).matches()),
                ODD_TIMES.stream().map(time -> (JsonValue) Json.createValue(time)).toList(), mutants);
        every(root, leaves(root, pointers, value -> value instanceof JsonNumber),
                ODD_NUMBERS.stream().map(number -> (JsonValue) Json.createValue(new BigDecimal(number))).toList(), mutants);
        List<Function<JsonStructure, String>> kinds = List.of(
                json -> remove(json, pointers), json -> replace(json, pointers, odd()), json -> replace(json, pointers, hugeText()),
                json -> replace(json, pointers, deep(200)), json -> lengthen(json, pointers), json -> truncate(json.toString()),
                json -> json + garbage(), json -> flipBytes(json.toString()), json -> randomBytes(),
                json -> replace(json, pointers, odd()), json -> replace(json, pointers, odd()), json -> remove(json, pointers));
        for (int i = 0; i < count; i++) {
            mutants.add(kinds.get(i % kinds.size()).apply(root));
        }
        return mutants;
    }

    private static List<String> leaves(JsonStructure root, List<String> pointers, Predicate<JsonValue> kind) {
        return pointers.stream().filter(pointer -> kind.test(Json.createPointer(pointer).getValue(root))).toList();
    }

    /** One of the leaves, at random, replaced by each of the values in turn. */
    private void every(JsonStructure root, List<String> leaves, List<JsonValue> values, List<String> into) {
        if (!leaves.isEmpty()) {
            String pointer = leaves.get(random.nextInt(leaves.size()));
            values.forEach(value -> into.add(Json.createPointer(pointer).replace(root, value).toString()));
        }
    }

    /** {@code count} mutants of a body that is not JSON (XML, a form): only byte-level ones apply. */
    List<String> ofText(String sample, int count) {
        List<String> mutants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mutants.add(switch (i % 4) {
                case 0 -> truncate(sample);
                case 1 -> flipBytes(sample);
                case 2 -> sample + garbage();
                default -> randomBytes();
            });
        }
        return mutants;
    }

    private static void collect(JsonValue value, String pointer, List<String> into) {
        if (value instanceof JsonObject object) {
            object.keySet().forEach(key -> {
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                into.add(child);
                collect(object.get(key), child, into);
            });
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(pointer + "/" + i);
                collect(array.get(i), pointer + "/" + i, into);
            }
        }
    }

    private String pick(List<String> pointers) {
        return pointers.get(random.nextInt(pointers.size()));
    }

    private String remove(JsonStructure root, List<String> pointers) {
        return pointers.isEmpty() ? "{}" : Json.createPointer(pick(pointers)).remove(root).toString();
    }

    private String replace(JsonStructure root, List<String> pointers, JsonValue value) {
        return pointers.isEmpty() ? value.toString() : Json.createPointer(pick(pointers)).replace(root, value).toString();
    }

    /** An array's first element repeated, so a list of one checkpoint becomes hundreds. */
    private String lengthen(JsonStructure root, List<String> pointers) {
        List<String> arrays = pointers.stream().filter(p -> Json.createPointer(p).getValue(root) instanceof JsonArray a && !a.isEmpty()).toList();
        if (arrays.isEmpty()) {
            return replace(root, pointers, hugeText());
        }
        String pointer = arrays.get(random.nextInt(arrays.size()));
        JsonArray array = (JsonArray) Json.createPointer(pointer).getValue(root);
        var longer = Json.createArrayBuilder();
        for (int i = 0; i < 400; i++) {
            longer.add(array.get(i % array.size()));
        }
        return Json.createPointer(pointer).replace(root, longer.build()).toString();
    }

    private JsonValue odd() {
        String text = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        try {
            return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
        } catch (JsonException unreadable) {
            // 1e400 and friends: jakarta reads them as BigDecimal, so they arrive as written
            return Json.createValue(new BigDecimal(text));
        }
    }

    private JsonValue hugeText() {
        return Json.createValue("x".repeat(50_000 + random.nextInt(200_000)));
    }

    private static JsonValue deep(int depth) {
        JsonValue value = JsonValue.EMPTY_JSON_ARRAY;
        for (int i = 0; i < depth; i++) {
            value = Json.createArrayBuilder().add(value).build();
        }
        return value;
    }

    private String truncate(String body) {
        return body.substring(0, random.nextInt(Math.max(1, body.length())));
    }

    private String garbage() {
        return List.of(" x", "}", "]", "{}", "\u0000", " {\"a\":1}", "\n\n--").get(random.nextInt(7));
    }

    private String flipBytes(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
