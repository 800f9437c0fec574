package dev.tracklight.core.carriers.sfexpress;

import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SF Express's documented route push example (events/carriers/sf-express/). */
class SfExpressAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final String TOKEN = "a-long-unguessable-url-token";
    private final SfExpressAdapter adapter = new SfExpressAdapter();

    private static WebhookRequest request(Map<String, String> query) {
        return new WebhookRequest(Map.of(), query, Fixtures.read("carriers/sf-express/route-push-two-routes-same-time.json"), NOW);
    }

    @Test
    void acceptsOnlyTheTokenConfiguredInThePushUrl() {
        assertThatCode(() -> adapter.verify(request(Map.of("token", TOKEN)), TOKEN)).doesNotThrowAnyException();
        for (Map<String, String> query : List.of(Map.<String, String>of(), Map.of("token", "guess"))) {
            assertThatThrownBy(() -> adapter.verify(request(query), TOKEN))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        }
    }

    @Test
    void twoNodesAtTheSameSecondAreBothKeptInChinaTime() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(request(Map.of()));

        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.PICKED_UP, Status.IN_TRANSIT);
        assertThat(events).extracting(TrackingEvent::occurredAt).containsOnly(Instant.parse("2020-05-11T08:56:54Z"));
        assertThat(events).extracting(TrackingEvent::eventId).doesNotHaveDuplicates();
        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("SF7444400031887");
        assertThat(events.getFirst().offsetInferred()).isTrue();
        assertThat(events.get(1).location().city()).isEqualTo("郑州市");
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.IN_TRANSIT);
    }

    @Test
    void answersWithTheBodySfWaitsFor() {
        assertThat(adapter.acknowledge(List.of()).body()).isEqualTo("{\"return_code\":\"0000\",\"return_msg\":\"成功\"}");
    }

    @Test
    void secondaryStatusCodesWinOverObservedOpCodes() {
        assertThat(SfExpressStatusMap.of("31", "401").status()).isEqualTo(Status.DELIVERED);
        assertThat(SfExpressStatusMap.of("80", null).status()).isEqualTo(Status.DELIVERED);
        assertThat(SfExpressStatusMap.of("204", null).status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(SfExpressStatusMap.of("648", null).status()).as("meaning unknown: information").isNull();
    }
}
