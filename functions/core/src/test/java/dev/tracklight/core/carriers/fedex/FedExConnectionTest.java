package dev.tracklight.core.carriers.fedex;

import dev.tracklight.core.carriers.connect.SourceAnswer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FedExConnectionTest {

    private static SourceAnswer tooMany(String message) {
        return new SourceAnswer(429, "{\"transactionId\":\"t\",\"errors\":[{\"code\":\"TOO.MANY.REQUESTS.ERROR\",\"message\":\"" + message + "\"}]}",
                Optional.empty());
    }

    @Test
    void aSpentRateWindowIsWaitedOutAndASpentDailyQuotaUntilMidnightGmt() {
        // GIVEN FedEx's two 429 answers (its rate-limit guide), neither with a Retry-After
        Instant now = Instant.parse("2026-12-02T17:30:00Z");

        // THEN the 10-second window is waited out, and the day's quota until 12:00 AM GMT
        assertThat(FedExConnection.wait(tooMany("We have received too many requests in a short duration. Please wait a while to try again."), now))
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(FedExConnection.wait(tooMany("Daily transaction quota exceeded. Retry after 12:00AM GMT"), now))
                .isEqualTo(Duration.ofHours(6).plusMinutes(30));
    }
}
