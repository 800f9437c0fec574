package dev.tracklight.core.carriers.dhl;

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

/** DHL Unified bodies from events/carriers/dhl/: DHL's documented example and a parcel-de push. */
class DhlAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String TOKEN = "dhl-hook-token";
    private static final String SPEC = Fixtures.read("carriers/dhl/unified-shipments-spec-example.json");
    private static final String PARCEL_DE = Fixtures.read("carriers/dhl/push-parcel-de-constructed.json");
    private final DhlAdapter adapter = new DhlAdapter();

    private static WebhookRequest request(String body) {
        return new WebhookRequest(Map.of("Tracklight-Token", TOKEN), body, NOW);
    }

    @Test
    void acceptsOnlyTheTokenNamedInTheSubscription() {
        assertThatCode(() -> adapter.verify(request(SPEC), TOKEN)).doesNotThrowAnyException();
        for (WebhookRequest forged : List.of(new WebhookRequest(Map.of("Tracklight-Token", "guess"), SPEC, NOW),
                new WebhookRequest(Map.of(), SPEC, NOW))) {
            assertThatThrownBy(() -> adapter.verify(forged, TOKEN))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        }
    }

    @Test
    void readsTheNumericIdAsTextAndTrustsStatusCodeOverTheStatusText() throws ProblemException {
        TrackingEvent event = adapter.parse(request(SPEC)).getFirst();

        assertThat(event.trackingNumber()).isEqualTo("7777777770");
        assertThat(event.status()).as("statusCode pre-transit, status text DELIVERED").isEqualTo(Status.INFO_RECEIVED);
        assertThat(event.location().country()).isEqualTo("NL");
        assertThat(event.carrierEta()).isEqualTo(Instant.parse("2018-08-03T22:00:00Z"));
    }

    @Test
    void anEventWithoutZoneInTheNetherlandsIsReadInAmsterdamTimeAndMarkedInferred() throws ProblemException {
        TrackingEvent event = adapter.parse(request(SPEC)).getFirst();

        assertThat(event.localOffset()).as("March: CET").isEqualTo("+01:00");
        assertThat(event.offsetInferred()).isTrue();
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2018-03-02T06:53:47Z"));
    }

    @Test
    void aParcelPushKeepsEveryRowWithSummerTimeAndLeadingZeros() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(PARCEL_DE));

        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("00340434292135100124");
        assertThat(events).extracting(TrackingEvent::status)
                .containsExactly(Status.DELIVERED, Status.IN_TRANSIT, Status.INFO_RECEIVED, Status.IN_TRANSIT, null);
        assertThat(events.getFirst().localOffset()).as("July in Germany: CEST").isEqualTo("+02:00");
        assertThat(events.get(2).localOffset()).as("no location: UTC, marked").isEqualTo("+00:00");
        assertThat(events).allMatch(TrackingEvent::offsetInferred);
        assertThat(events.get(3).eventId()).as("two rows in the same second stay two events").isNotEqualTo(events.get(4).eventId());
    }

    @Test
    void aPushWithOnlyTheLatestStatusStillYieldsItsEvent() throws ProblemException {
        String statusOnly = "{\"shipments\":[{\"id\":\"JJD000390007\",\"status\":{\"timestamp\":\"2026-11-20T09:00:00Z\","
                + "\"statusCode\":\"failure\",\"description\":\"Recipient not found\"}}]}";

        List<TrackingEvent> events = adapter.parse(request(statusOnly));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(Status.EXCEPTION);
            assertThat(e.rawMessage()).isEqualTo("Recipient not found");
        });
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> adapter.parse(request("{\"shipments\":[{\"events\":[]}]}")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("shipments[0].id"));
        assertThatThrownBy(() -> adapter.parse(request(PARCEL_DE.replace("2026-07-14T07:41:00", "morning"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().detail()).contains("shipments[0].events[1].timestamp"));
    }
}
