package dev.tracklight.core.json;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.Map;

/**
 * What every JSON body must be before anything reads it: exactly one value, nested at most
 * {@link #MAX_DEPTH} deep. The depth is checked before parsing because the parser's own limit ends in an
 * unchecked error, and a real tracking payload nests fewer than ten levels.
 */
public final class JsonText {

    public static final int MAX_DEPTH = 64;
    /** One factory: {@code Json.createParser} looks the provider up again on every call (~45 µs each). */
    private static final JsonParserFactory PARSERS = jakarta.json.Json.createParserFactory(Map.of());

    private JsonText() {
    }

    /** @throws ProblemException 400 saying what is wrong, for an empty, malformed, too deep or trailing body */
    public static JsonValue parse(String text) throws ProblemException {
        if (text == null || text.isBlank()) {
            throw bad("body is empty");
        }
        requireDepth(text);
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw bad("body must be exactly one JSON value");
            }
            return value;
        } catch (JsonException e) {
            // JsonParsingException says where; other JSON-P errors (an I/O one on a string cannot happen) say nothing useful
            throw bad("body is not valid JSON" + (e instanceof jakarta.json.stream.JsonParsingException ? ": " + e.getMessage() : ""));
        }
    }

    private static void requireDepth(String text) throws ProblemException {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw bad("body is nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
