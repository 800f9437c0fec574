package dev.tracklight.core.carriers.connect;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;

/** What a source answered to one call: its status, its body, and how long it asks us to wait when it said so. */
public record SourceAnswer(int status, String body, Optional<Duration> retryAfter) {

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

    /** A top-level field of a JSON object body, as text (a number as written), or null when there is none. */
    public String field(String name) {
        try {
            JsonValue value = Json.createReader(new StringReader(body)).readObject().get(name);
            return value instanceof JsonString text ? text.getString() : value == null || value == JsonValue.NULL ? null : value.toString();
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }
}
