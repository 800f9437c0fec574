package dev.tracklight.api;

import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

/** Query-string values shared by the listing routes, refused with a 400 that says what was expected. */
final class QueryParameters {

    /** Page sizes of every listing. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private QueryParameters() {
    }

    static int limit(String value) throws ProblemException {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below, as any other out-of-range value
        }
        throw new ProblemException(Problem.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT));
    }
}
