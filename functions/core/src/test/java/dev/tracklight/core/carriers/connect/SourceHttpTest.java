package dev.tracklight.core.carriers.connect;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SourceHttpTest {

    private static final Instant NOW = Instant.parse("2026-12-02T17:00:00Z");

    @Test
    void theWaitASourceAsksForIsItsRetryAfterElseItsRateLimitReset() {
        String inThirtySeconds = Long.toString(NOW.plusSeconds(30).getEpochSecond());

        assertThat(SourceHttp.retryAfter(Optional.of(" 7 "), Optional.of(inThirtySeconds), NOW)).contains(Duration.ofSeconds(7));
        assertThat(SourceHttp.retryAfter(Optional.empty(), Optional.of(inThirtySeconds), NOW)).contains(Duration.ofSeconds(30));
        // an HTTP date, a reset in the past or days away, and nonsense are no wait the source asked for
        assertThat(SourceHttp.retryAfter(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), Optional.empty(), NOW)).isEmpty();
        assertThat(SourceHttp.retryAfter(Optional.empty(), Optional.of(Long.toString(NOW.minusSeconds(5).getEpochSecond())), NOW)).isEmpty();
        assertThat(SourceHttp.retryAfter(Optional.empty(), Optional.of(Long.toString(NOW.plusSeconds(90_000).getEpochSecond())), NOW)).isEmpty();
        assertThat(SourceHttp.retryAfter(Optional.empty(), Optional.of("soon"), NOW)).isEmpty();
    }

    @Test
    void aBaseUrlKeepsItsOwnPath() {
        assertThat(SourceHttp.at(URI.create("http://127.0.0.1:9000/usps/"), "/oauth2/v3/token")).hasToString("http://127.0.0.1:9000/usps/oauth2/v3/token");
        assertThat(SourceHttp.at(URI.create("https://apis.usps.com"), "/oauth2/v3/token")).hasToString("https://apis.usps.com/oauth2/v3/token");
    }
}
