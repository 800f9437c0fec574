package dev.tracklight.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3.1 description of the public API, packaged with the function and served as it is. */
public final class OpenApiDocument {

    private static final String RESOURCE = "/openapi.json";
    private static final String JSON = load();

    private OpenApiDocument() {
    }

    public static String json() {
        return JSON;
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the function's package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
