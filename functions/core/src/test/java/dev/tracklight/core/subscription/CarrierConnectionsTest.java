package dev.tracklight.core.subscription;

import dev.tracklight.core.carriers.registry.CarrierAdapters;
import dev.tracklight.core.carriers.CarrierCodes;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierConnectionsTest {

    private final CarrierConnections connections = CarrierConnections.of(source -> Optional.empty());

    @Test
    void aSourceGetsAnEndpointExactlyWhenItsFolderParsesItsPushes() {
        CarrierAdapters adapters = CarrierAdapters.all(Clock.systemUTC());

        for (String source : connections.sources()) {
            assertThat(connections.forSource(source).orElseThrow().pushes()).as(source)
                    .isEqualTo(adapters.forSource(source).isPresent());
        }
    }

    @Test
    void everySourcesClassesLiveInItsOwnFolderUnderTheSameNames() {
        CarrierAdapters adapters = CarrierAdapters.all(Clock.systemUTC());

        for (String source : connections.sources()) {
            Class<?> connection = connections.forSource(source).orElseThrow().getClass();
            assertThat(connection.getSimpleName()).as(source).endsWith("Connection");
            String prefix = connection.getSimpleName().substring(0, connection.getSimpleName().length() - "Connection".length());
            adapters.forSource(source).ifPresent(adapter -> assertThat(adapter.getClass().getName()).as(source)
                    .isEqualTo(connection.getPackageName() + "." + prefix + "Adapter"));
        }
    }

    @Test
    void everyCarrierASourceFollowsIsOneWeRegisterUnder() {
        for (String source : connections.sources()) {
            assertThat(CarrierCodes.KNOWN).as(source).containsAll(connections.forSource(source).orElseThrow().carriers());
        }
    }

    @Test
    void aDeploymentNamesSomeSourcesBaseUrlsAndAMisnamedOneStopsItAtStart() {
        CarrierApiUrls urls = CarrierApiUrls.parse("easypost=http://127.0.0.1:9000/easypost, ups=https://wwwcie.ups.com");

        assertThat(urls.of("easypost")).contains(URI.create("http://127.0.0.1:9000/easypost"));
        assertThat(urls.of("ups")).contains(URI.create("https://wwwcie.ups.com"));
        assertThat(urls.of("fedex")).isEmpty();
        assertThat(CarrierApiUrls.parse("").of("ups")).isEmpty();
        assertThatThrownBy(() -> CarrierApiUrls.parse("ups=wwwcie.ups.com")).hasMessageContaining("ups=wwwcie.ups.com");
        assertThatThrownBy(() -> CarrierApiUrls.parse("https://api.easypost.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
