package dev.tracklight.local.gateway;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's configuration and its Content-Security-Policy follow the configured tile server. */
class LocalGatewayPageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aConfiguredTileServerIsNamedInTheConfigAndAllowedByTheCsp() throws Exception {
        try (LocalGateway gateway = new LocalGateway(0, "live", List.of(), Map.of(), "https://tiles.example.org/{z}/{x}/{y}.png")) {
            var config = get(gateway.httpEndpoint() + "/t/config.json");
            var page = get(gateway.httpEndpoint() + "/t/some-token");

            assertThat(Json.read(config.body(), Map.class)).containsEntry("tileUrl", "https://tiles.example.org/{z}/{x}/{y}.png");
            assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("img-src 'self' data: https: https://tiles.example.org;").contains("script-src 'self';"));
        }
    }

    @Test
    void withoutATileServerImagesComeOnlyFromThePage() throws Exception {
        try (LocalGateway gateway = new LocalGateway(0, "live", List.of(), Map.of(), null)) {
            var config = get(gateway.httpEndpoint() + "/t/config.json");
            var page = get(gateway.httpEndpoint() + "/t/some-token");

            assertThat(Json.read(config.body(), Map.class)).doesNotContainKey("tileUrl");
            assertThat(page.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("img-src 'self' data: https:;"));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
