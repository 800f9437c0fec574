package dev.tracklight.core.subscription;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.easypost.EasyPostConnection;
import dev.tracklight.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceChoiceTest {

    private static final CarrierConnections CONNECTIONS = CarrierConnections.of(source -> Optional.of(URI.create("http://127.0.0.1:1")));

    private static CarrierAccount account(String source, List<String> carriers) {
        return new CarrierAccount("tenant-a", source, carriers, List.of("apiKey"), CarrierAccount.ACTIVE, null, "ep", false,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void anAggregatorAccountFollowsTheCarriersItNamesOrAnyWhenItNamesNone() {
        assertThat(SourceChoice.forCarrier("usps", List.of(account("easypost", List.of())), CONNECTIONS)).isPresent();
        assertThat(SourceChoice.forCarrier("usps", List.of(account("easypost", List.of("usps"))), CONNECTIONS)).isPresent();
        assertThat(SourceChoice.forCarrier("dhl", List.of(account("easypost", List.of("usps"))), CONNECTIONS)).isEmpty();
    }

    @Test
    void anAccountAtASourceTracklightDoesNotCallIsNeverChosen() {
        assertThat(SourceChoice.forCarrier("usps", List.of(account("pigeon-post", List.of())), CONNECTIONS)).isEmpty();
        assertThat(SourceChoice.forCarrier("usps", List.of(), CONNECTIONS)).isEmpty();
    }

    @Test
    void anAccountRequestMustHoldWhatTheSourceNeedsAndNothingElse() throws ProblemException {
        CarrierConnection easyPost = CONNECTIONS.forSource("easypost").orElseThrow();

        CarrierAccountRequest admitted = new CarrierAccountRequest(Map.of(EasyPostConnection.API_KEY, "EZTKabc"), List.of("usps", "ups", "usps"))
                .admitted(easyPost);

        assertThat(admitted.carriers()).containsExactly("ups", "usps");
        assertThatThrownBy(() -> new CarrierAccountRequest(Map.of("apiKey", "x".repeat(600)), null).admitted(easyPost))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("at most 512"));
        assertThatThrownBy(() -> new CarrierAccountRequest(Map.of("apiKey", "k"), List.of("UPS Ground")).admitted(easyPost))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("carrier codes"));
    }
}
