package dev.tracklight.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.problem.Problem;

import java.util.Map;

/** API Gateway HTTP API responses: JSON bodies and RFC 9457 problems. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return response(status, "application/json", Json.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return response(problem.status(), Problem.MEDIA_TYPE, Json.write(problem));
    }

    /** 204: done, nothing to say. */
    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("Cache-Control", "no-store")).build();
    }

    /** A body already rendered, such as a webhook source's expected acknowledgement. */
    public static APIGatewayV2HTTPResponse of(int status, String contentType, String body) {
        return response(status, contentType, body);
    }

    /** The response with {@code X-Correlation-Id}, so a caller can quote it and we can find every line it caused. */
    public static APIGatewayV2HTTPResponse correlated(APIGatewayV2HTTPResponse response, String correlationId) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.put("X-Correlation-Id", correlationId);
        response.setHeaders(headers);
        return response;
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", contentType, "Cache-Control", "no-store"))
                .withBody(body)
                .build();
    }
}
