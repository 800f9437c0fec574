package dev.tracklight.local;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls of the API through the local gateway, every response checked against openapi.json. */
final class ApiCalls {

    private ApiCalls() {
    }

    /** {@code template} is the spec's path (e.g. {@code /v1/shipments/{id}}), {@code path} the one called; headers come in name, value pairs. */
    static HttpResponse<String> call(OpenApiContract contract, String method, String template, String path, String apiKey, String body,
                                     String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedCloud.get().httpEndpoint() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = SharedCloud.client().send(request);
        contract.check(method, template, response);
        return response;
    }
}
