package dev.tracklight.core.json;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

public class JsonInstantTest {

    public record Due(Instant recheckAt) {
    }

    @Test
    void everyInstantThatIsWrittenReadsBack() {
        // GIVEN instants past the year 999,999,999, which Instant writes and JSON-B's own reader refused
        for (Instant instant : new Instant[]{Instant.MAX, Instant.MIN, Instant.parse("+1000000000-01-01T00:00:00Z"), Instant.EPOCH}) {
            // WHEN one is written and read again
            Due read = Json.read(Json.write(new Due(instant)), Due.class);

            // THEN it is the same instant
            assertThat(read.recheckAt()).isEqualTo(instant);
        }
    }
}
