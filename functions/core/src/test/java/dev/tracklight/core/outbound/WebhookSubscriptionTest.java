package dev.tracklight.core.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSubscriptionTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private static WebhookSubscription subscription() {
        return WebhookSubscription.create("whs_1", "tenant-a", "https://merchant.example/hook",
                List.of(WebhookEventType.SHIPMENT_DELIVERED, WebhookEventType.SHIPMENT_UPDATED, WebhookEventType.SHIPMENT_UPDATED),
                null, "whsec_x", T0);
    }

    @Test
    void itIsDisabledOnlyAfterTenFailuresInARowOverADay() {
        // GIVEN a subscription whose receiver fails, many times within the first day
        WebhookSubscription failing = subscription();
        for (int i = 0; i < 30; i++) {
            failing = failing.afterFailure(T0.plus(Duration.ofMinutes(i)));
        }
        assertThat(failing.isActive()).as("a burst of failures in one outage").isTrue();
        assertThat(failing.failingSince()).isEqualTo(T0);

        // WHEN it fails again a day after the first failure
        WebhookSubscription disabled = failing.afterFailure(T0.plus(WebhookSubscription.DISABLE_AFTER));

        // THEN it is disabled, saying why and since when
        assertThat(disabled.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(disabled.disabledAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(disabled.disabledReason()).contains("31 failed deliveries").contains(T0.toString());
        assertThat(disabled.subscribesTo(WebhookEventType.SHIPMENT_UPDATED)).isFalse();
    }

    @Test
    void oneSuccessStartsTheCountAgain() {
        WebhookSubscription failing = subscription().afterFailure(T0).afterFailure(T0.plusSeconds(60));

        WebhookSubscription recovered = failing.afterSuccess(T0.plusSeconds(120)).orElseThrow();

        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.failingSince()).isNull();
        assertThat(recovered.afterSuccess(T0.plusSeconds(180))).as("nothing to write when healthy").isEmpty();
        assertThat(recovered.afterFailure(T0.plus(Duration.ofDays(2))).isActive()).as("a day-old count is gone").isTrue();
    }

    @Test
    void enablingAgainClearsTheFailuresAndTheEventsAreKeptSortedAndDistinct() {
        WebhookSubscription disabled = subscription();
        for (int i = 0; i <= WebhookSubscription.DISABLE_AFTER_FAILURES; i++) {
            disabled = disabled.afterFailure(T0.plus(Duration.ofHours(3L * i)));
        }
        assertThat(disabled.isActive()).isFalse();

        WebhookSubscription enabled = disabled.changed(null, null, null, true, T0.plus(Duration.ofDays(3)));

        assertThat(enabled.isActive()).isTrue();
        assertThat(enabled.consecutiveFailures()).isZero();
        assertThat(enabled.disabledReason()).isNull();
        assertThat(enabled.events()).containsExactly(WebhookEventType.SHIPMENT_UPDATED, WebhookEventType.SHIPMENT_DELIVERED);
        assertThat(enabled.changed(null, null, null, false, T0).disabledReason()).isEqualTo("disabled by the merchant");
    }
}
