package dev.tracklight.api;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.json.JsonText;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import jakarta.json.bind.JsonbException;

/** Reads request bodies, answering 400 with what was expected instead of a parser's stack trace. */
final class Bodies {

    private Bodies() {
    }

    static <T> T read(String body, Class<T> type, String what) throws ProblemException {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.badRequest("send " + what + " as a JSON object"));
        }
        // one value, bounded depth: JSON-B alone would take trailing text and recurse without limit
        JsonText.parse(body);
        T value;
        try {
            value = Json.read(body, type);
        } catch (JsonbException | IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(Problem.badRequest("body is not valid JSON for " + what));
        }
        if (value == null) {
            throw new ProblemException(Problem.badRequest("send " + what + " as a JSON object"));
        }
        return value;
    }
}
