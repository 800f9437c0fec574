package dev.tracklight.aws.env;

import java.util.Map;
import java.util.Optional;

/**
 * A function's configuration as Lambda gives it: environment variables. Handlers take one in their
 * constructor so the local cloud can hand each function the variables its template declares.
 */
public record FunctionEnvironment(Map<String, String> variables) {

    public FunctionEnvironment {
        variables = Map.copyOf(variables);
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System.getenv());
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
    }
}
