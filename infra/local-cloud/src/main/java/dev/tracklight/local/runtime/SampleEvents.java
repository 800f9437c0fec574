package dev.tracklight.local.runtime;

import dev.tracklight.core.json.Json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Events a function can be handed without changing anything: what the cold-start bench and the runtime tests send. */
public final class SampleEvents {

    private SampleEvents() {
    }

    /**
     * One harmless event of the kind the handler takes: a request on its route without a key or signature, an empty
     * batch, a scheduled tick.
     */
    public static String forHandler(String handler, String[] route) {
        String type = HandlerJson.eventType(handler);
        Map<String, String> parameters = new TreeMap<>();
        Matcher names = Pattern.compile("\\{(\\w+)}").matcher(route[1]);
        while (names.find()) {
            parameters.put(names.group(1), "sample");
        }
        String path = route[1].replaceAll("\\{\\w+}", "sample");
        return switch (type) {
            case "APIGatewayV2HTTPEvent" -> Json.write(Map.of("version", "2.0", "routeKey", route[0] + " " + route[1],
                    "rawPath", path, "rawQueryString", "", "headers", Map.of("host", "127.0.0.1", "content-type", "application/json"),
                    "pathParameters", parameters, "body", "{}", "requestContext", Map.of("http", Map.of("method", route[0],
                            "path", path, "sourceIp", "127.0.0.1"), "requestId", "sample", "stage", "$default"),
                    "isBase64Encoded", false));
            case "APIGatewayV2WebSocketEvent" -> Json.write(Map.of("requestContext", Map.of("routeKey", "$default", "connectionId",
                    "sample", "eventType", "MESSAGE", "stage", "live", "requestId", "sample"), "body", "{}"));
            case "SQSEvent" -> "{\"Records\":[]}";
            default -> Json.write(Map.of("version", "0", "id", "sample", "detail-type", "Scheduled Event", "source", "aws.events",
                    "time", "2026-12-02T00:00:00Z", "region", "us-east-1", "resources", List.of(), "detail", Map.of()));
        };
    }
}
