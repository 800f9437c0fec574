package dev.tracklight.local.gateway;

import dev.tracklight.local.invoke.LocalFunction;

/** One HTTP API route of the template, {@code POST /webhooks/carriers/{source}}, and its function. */
public record HttpRoute(String method, String path, LocalFunction function) {

    public String routeKey() {
        return method + " " + path;
    }
}
