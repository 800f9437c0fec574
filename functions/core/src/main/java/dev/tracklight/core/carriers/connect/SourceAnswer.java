package dev.tracklight.core.carriers.connect;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

/**
 * What a source answered to one call: its status, its body, and how long it asks us to wait when it said so. The
 * body is read as JSON once, on the first look into it: a connection looks at its error code, its message and its
 * data, and an answer can be a megabyte.
 */
public final class SourceAnswer {

    private final int status;
    private final String body;
    private final Optional<Duration> retryAfter;
    /** The body as JSON, once read; {@link JsonValue#NULL} when it is not JSON. */
    private JsonValue json;

    public SourceAnswer(int status, String body, Optional<Duration> retryAfter) {
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public boolean ok() {
        return status / 100 == 2;
    }

    /** 429 and 5xx: the source cannot answer now, and the call is to be tried again later. */
    public boolean temporary() {
        return status == 429 || status >= 500;
    }

    public boolean credentialsRefused() {
        return status == 401 || status == 403;
    }

    /**
     * This answer, unless the source could not give one now (429, 5xx): then a {@link SourceUnavailable} that waits
     * as long as the source asked.
     *
     * @param call who was asked what, for the message ("UPS's Track API")
     */
    public SourceAnswer unlessTemporary(String call) throws SourceUnavailable {
        if (temporary()) {
            throw new SourceUnavailable(call + " answered " + status, retryAfter);
        }
        return this;
    }

    /** A top-level field of a JSON object body, as text (a number as written), or null when there is none. */
    public String field(String name) {
        return at("/" + name);
    }

    /**
     * The source's own words for a refusal, read at JSON pointers into its error body ({@code /error/code},
     * {@code /error/message}): "code: message", the message alone, or "no message" when the body is not the
     * source's error object (a proxy's HTML page, an empty body).
     */
    public String said(String codePointer, String messagePointer) {
        String code = at(codePointer);
        String message = at(messagePointer);
        String words = message == null ? "no message" : message;
        return code == null ? words : code + ": " + words;
    }

    /** The text at a JSON pointer of the body (a number as written), or null when the body has none there. */
    public String at(String pointer) {
        JsonValue value = value(pointer);
        return value instanceof JsonString text ? text.getString() : value == null || value == JsonValue.NULL ? null : value.toString();
    }

    /** The JSON value at a pointer of the body, or null when the body is not JSON or has nothing there. */
    public JsonValue value(String pointer) {
        if (!(json() instanceof JsonStructure root)) {
            return null;
        }
        try {
            return Json.createPointer(pointer).getValue(root);
        } catch (RuntimeException notThere) {
            // nothing at the pointer (or a malformed one): the caller words the absence
            return null;
        }
    }

    private synchronized JsonValue json() {
        if (json == null) {
            try {
                json = Json.createReader(new StringReader(body == null ? "" : body)).read();
            } catch (RuntimeException notJson) {
                json = JsonValue.NULL;
            }
        }
        return json;
    }
}
