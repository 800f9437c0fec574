package dev.tracklight.core.carriers.fedex;

import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FedEx Track API results as pushed by Advanced Integrated Visibility, from events/carriers/fedex/. */
class FedExAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String TOKEN = "fedex-project-security-token";
    private static final String REUSED = Fixtures.read("carriers/fedex/track-776094337676-delivery-exceptions-then-delivered.json");
    private static final String GROUND = Fixtures.read("carriers/fedex/track-738488882438-ground-pickup-without-offset.json");
    private final FedExAdapter adapter = new FedExAdapter();

    private static WebhookRequest request(String body, String signature) {
        return new WebhookRequest(signature == null ? Map.of() : Map.of("fdx-signature", signature), body, NOW);
    }

    @Test
    void acceptsOnlyTheBase64HmacOfTheRawBodyUnderTheSecurityToken() {
        String signature = FedExAdapter.signature(TOKEN, REUSED);

        assertThat(signature).hasSize(44).endsWith("=");
        assertThatCode(() -> adapter.verify(request(REUSED, signature), TOKEN)).doesNotThrowAnyException();
        for (WebhookRequest forged : List.of(request(REUSED, FedExAdapter.signature("other", REUSED)),
                request(REUSED + "\n", signature), request(REUSED, null))) {
            assertThatThrownBy(() -> adapter.verify(forged, TOKEN))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        }
    }

    @Test
    void aReusedNumberKeepsOnlyTheMostRecentlyScannedShipment() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(REUSED, null));

        assertThat(events).hasSize(8).extracting(TrackingEvent::subStatus)
                .containsExactly("DL", "OD", "AO", "PU", "AF", "DE", "DE", "OD");
        assertThat(events).extracting(TrackingEvent::rawMessage).doesNotContain("Ready for recipient pickup");
    }

    @Test
    void exceptionsFollowedByDeliveryMapToAttemptsAndInformationNotToATerminalState() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(REUSED, null));

        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.DELIVERED, Status.OUT_FOR_DELIVERY, null,
                Status.PICKED_UP, Status.IN_TRANSIT, null, Status.DELIVERY_ATTEMPTED, Status.OUT_FOR_DELIVERY);
        TrackingEvent notHome = events.get(6);
        assertThat(notHome.rawCode()).isEqualTo("DE/08");
        assertThat(notHome.reason()).isEqualTo("RECIPIENT_UNAVAILABLE");
        assertThat(events.get(5).reason()).as("A47 redirected").isEqualTo("MOVED");
        assertThat(events.getFirst().location()).as("DL with an empty scanLocation has no place").isNull();
        assertThat(events.get(1).location().city()).isEqualTo("CLOVIS");
    }

    @Test
    void takesEachScansOwnOffsetAndTheCommitmentDayAsTheCarrierEta() throws ProblemException {
        TrackingEvent delivered = adapter.parse(request(REUSED, null)).getFirst();

        assertThat(delivered.occurredAt()).isEqualTo(Instant.parse("2024-04-26T16:26:00Z"));
        assertThat(delivered.localOffset()).isEqualTo("-07:00");
        assertThat(delivered.offsetInferred()).isFalse();
        assertThat(delivered.carrierEta()).as("2024-04-26T00:00:00-06:00 is a day, not midnight")
                .isEqualTo(Instant.parse("2024-04-27T05:59:59Z"));
    }

    @Test
    void aPickupWithoutOffsetTakesTheOffsetOfItsFacilityAndIsMarkedInferred() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(GROUND, null));
        TrackingEvent pickup = events.getLast();

        assertThat(events).hasSize(17);
        assertThat(pickup.status()).isEqualTo(Status.PICKED_UP);
        assertThat(pickup.localOffset()).as("MANKATO 0560 scans are -05:00").isEqualTo("-05:00");
        assertThat(pickup.offsetInferred()).isTrue();
        assertThat(pickup.occurredAt()).isEqualTo(Instant.parse("2024-08-15T05:00:00Z"));
        assertThat(events).filteredOn(e -> "AE".equals(e.subStatus())).extracting(TrackingEvent::status).containsOnlyNulls();
        assertThat(events.getFirst().status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> adapter.parse(request("{\"output\":{\"completeTrackResults\":[{\"trackResults\":[{}]}]}}", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail())
                        .contains("output.completeTrackResults[0].trackResults[0].trackingNumberInfo"));
        assertThatThrownBy(() -> adapter.parse(request(GROUND.replace("2024-08-20T12:41:57-04:00", "yesterday"), null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("scanEvents[0].date"));
    }
}
