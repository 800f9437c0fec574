package dev.tracklight.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tracklight.aws.observe.Correlation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reads what API Gateway hands a function: headers (lower-cased by HTTP APIs) and a possibly base64 body. */
public final class HttpRequests {

    private HttpRequests() {
    }

    public static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
    }

    public static Map<String, String> headers(APIGatewayV2HTTPEvent event) {
        return event.getHeaders() == null ? Map.of() : event.getHeaders();
    }

    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        return headers(event).entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public static Optional<String> pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getPathParameters()).map(parameters -> parameters.get(name));
    }

    /**
     * The caller's {@code X-Correlation-Id} when it is acceptable, else API Gateway's request id (which its access
     * logs carry too), else a fresh id.
     */
    /** The caller's address as API Gateway saw it (not a header the caller could set); "unknown" when absent. */
    public static String sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String ip = context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
        return ip == null || ip.isBlank() ? "unknown" : ip;
    }

    public static String correlationId(APIGatewayV2HTTPEvent event) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return Correlation.accept(header(event, Correlation.HEADER).orElse(null), requestId);
    }

    /** The media type without parameters, lower-cased: {@code application/json; charset=utf-8} → {@code application/json}. */
    public static Optional<String> mediaType(APIGatewayV2HTTPEvent event) {
        return header(event, "content-type").map(value -> value.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT));
    }
}
