package dev.tracklight.core.webhook;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"shipment.updated\"}";
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theSignatureIsTheHexHmacOfTimestampDotBody() {
        // GIVEN a body sent now
        long timestamp = NOW.getEpochSecond();

        // WHEN it is signed
        String header = WebhookSignature.sign(SECRET, timestamp, BODY);

        // THEN it is what a receiver computes with any HMAC library, and verifies
        assertThat(header).isEqualTo("v1=" + HmacSha256.signHex(SECRET, timestamp + "." + BODY));
        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp), BODY, header, NOW)).isTrue();
    }

    @Test
    void aChangedBodyTimestampOrSecretAndAStaleDeliveryFail() {
        long timestamp = NOW.getEpochSecond();
        String header = WebhookSignature.sign(SECRET, timestamp, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp), BODY + " ", header, NOW)).as("body").isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp + 1), BODY, header, NOW)).as("timestamp").isFalse();
        assertThat(WebhookSignature.verify("whsec_other", Long.toString(timestamp), BODY, header, NOW)).as("secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp), BODY, header, NOW.plus(WebhookSignature.TOLERANCE).plusSeconds(1)))
                .as("replayed after the tolerance").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", BODY, header, NOW)).as("not a timestamp").isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp), BODY, null, NOW)).as("unsigned").isFalse();
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() {
        long timestamp = NOW.getEpochSecond();
        String header = "v1=00ff " + WebhookSignature.sign(SECRET, timestamp, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(timestamp), BODY, header, NOW)).isTrue();
    }

    @Test
    void anyTimestampOrAnEmptySecretIsAnAnswerNotAnException() {
        long timestamp = NOW.getEpochSecond();
        String header = WebhookSignature.sign(SECRET, timestamp, BODY);

        // GIVEN timestamps outside what Instant holds, and an endpoint saved without a secret
        for (String stamp : new String[]{Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE), "99999999999999999"}) {
            assertThat(WebhookSignature.verify(SECRET, stamp, BODY, header, NOW)).as(stamp).isFalse();
        }
        assertThat(WebhookSignature.verify("", Long.toString(timestamp), BODY, header, NOW)).as("empty secret").isFalse();
        assertThat(HmacSha256.matchesHex("", BODY, "00")).isFalse();
    }

    @Test
    void shortAndEmptySecretsAreRefusedWhenSaved() {
        assertThatThrownBy(() -> WebhookSecrets.require("")).hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> WebhookSecrets.require("123")).hasMessageContaining("at least 16 characters");
        assertThat(WebhookSecrets.require("a-long-enough-secret")).isEqualTo("a-long-enough-secret");
    }
}
