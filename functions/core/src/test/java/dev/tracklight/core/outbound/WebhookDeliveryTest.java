package dev.tracklight.core.outbound;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static WebhookDelivery pending() {
        WebhookSubscription subscription = WebhookSubscription.create("whs_1", "tenant-a", "https://merchant.example/hook",
                List.of(WebhookEventType.SHIPMENT_UPDATED), null, "whsec_x", T0);
        return WebhookDelivery.pending(subscription, "evt_1", WebhookEventType.SHIPMENT_UPDATED, "shp_1", "{}", T0);
    }

    @Test
    void aClaimedDeliveryCannotBeClaimedAgainUntilItsLeaseRunsOut() {
        // GIVEN a delivery one sender has claimed
        WebhookDelivery claimed = pending().claimed(T0, LEASE).orElseThrow();

        // WHEN another sender tries during the lease, and after it
        var during = claimed.claimed(T0.plusSeconds(29), LEASE);
        var after = claimed.claimed(T0.plus(LEASE), LEASE);

        // THEN only the sender after the lease (the first one died) gets it
        assertThat(during).isEmpty();
        assertThat(after).isPresent();
    }

    @Test
    void failuresScheduleRetriesAndASuccessEndsThem() {
        // GIVEN two failed attempts (a 500, then a timeout)
        WebhookDelivery delivery = pending().after(DeliveryAttempt.answered(T0, 500, 12), RetrySchedule.DEFAULT);
        assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(delivery.claimableAt(T0.plusSeconds(59))).isFalse();
        delivery = delivery.after(DeliveryAttempt.unanswered(T0.plusSeconds(60), "timed out", 10_000), RetrySchedule.DEFAULT);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofMinutes(2)));

        // WHEN the third attempt is answered 204
        WebhookDelivery delivered = delivery.after(DeliveryAttempt.answered(T0.plusSeconds(180), 204, 8), RetrySchedule.DEFAULT);

        // THEN it is delivered with its history, and never claimable again
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.recentAttempts()).extracting(DeliveryAttempt::statusCode).containsExactly(500, null, 204);
        assertThat(delivered.deliveredAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(delivered.claimableAt(T0.plus(Duration.ofDays(10)))).isFalse();
    }

    @Test
    void aDeliveryFailsForGoodWhenTheScheduleRunsOutAndAResendStartsItAgain() {
        WebhookDelivery delivery = pending();
        Instant now = T0;
        while (delivery.state() == DeliveryState.PENDING) {
            delivery = delivery.after(DeliveryAttempt.answered(now, 503, 5), RetrySchedule.DEFAULT);
            now = delivery.nextAttemptAt() == null ? now : delivery.nextAttemptAt();
        }
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.failureReason()).startsWith("gave up after 20 attempts");
        assertThat(delivery.recentAttempts()).hasSize(WebhookDelivery.RECENT_ATTEMPTS);

        Instant later = T0.plus(Duration.ofDays(5));
        WebhookDelivery resent = delivery.resent(later);

        assertThat(resent.claimableAt(later)).isTrue();
        assertThat(resent.attempts()).as("history kept").isEqualTo(20);
        assertThat(resent.after(DeliveryAttempt.answered(later, 500, 5), RetrySchedule.DEFAULT).state())
                .as("a fresh retry window").isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void anAbandonedDeliveryIsFailedWithOurReasonAndErrorsAreCapped() {
        WebhookDelivery abandoned = pending().abandoned("subscription disabled");

        assertThat(abandoned.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(abandoned.failureReason()).isEqualTo("subscription disabled");
        assertThat(DeliveryAttempt.unanswered(T0, "x".repeat(1000), 1).error()).hasSize(DeliveryAttempt.MAX_ERROR_CHARS);
        assertThat(DeliveryAttempt.answered(T0, 301, 1).succeeded()).as("redirects are not followed").isFalse();
    }
}
