package dev.tracklight.core.problem;

/**
 * An RFC 9457 problem detail: what every error of the HTTP surface answers with
 * ({@code application/problem+json}).
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }

    public static Problem badRequest(String detail) {
        return of(400, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return of(401, "Unauthorized", detail);
    }

    public static Problem forbidden(String detail) {
        return of(403, "Forbidden", detail);
    }

    public static Problem notFound(String detail) {
        return of(404, "Not Found", detail);
    }

    public static Problem conflict(String detail) {
        return of(409, "Conflict", detail);
    }

    public static Problem unprocessable(String detail) {
        return of(422, "Unprocessable Content", detail);
    }

    public static Problem payloadTooLarge(String detail) {
        return of(413, "Content Too Large", detail);
    }

    public static Problem unsupportedMediaType(String detail) {
        return of(415, "Unsupported Media Type", detail);
    }

    public static Problem unavailable(String detail) {
        return of(503, "Service Unavailable", detail);
    }
}
