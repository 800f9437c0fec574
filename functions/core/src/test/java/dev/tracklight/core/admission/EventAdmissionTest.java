package dev.tracklight.core.admission;

import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static TrackingEvent event(String carrier, String number, Instant at, String message, Location place, Instant eta) {
        return new TrackingEvent(EventIds.of(carrier, number, "X", at, message), carrier, number, at, "+00:00", false, NOW,
                Status.IN_TRANSIT, null, null, "X", message, place, "test", eta);
    }

    private static TrackingEvent event(Instant at) {
        return event("ups", "1Z999", at, "Departed", null, null);
    }

    @Test
    void aCheckpointFromTheFarFutureIsRefusedNamingItAndItsField() {
        // GIVEN a signed scan dated in the year 999,999,999 after a good one
        List<TrackingEvent> events = List.of(event(NOW.minusSeconds(60)), event(Instant.parse("+999999999-01-01T00:00:00Z")));

        // THEN the body is refused, saying which checkpoint and which field
        assertThatThrownBy(() -> EventAdmission.admit(events, NOW)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).startsWith("checkpoint 2 of 2: occurredAt +999999999-01-01T00:00:00Z is outside");
        });
    }

    @Test
    void theWindowReachesBackToTheYear2000AndTwoDaysAhead() throws ProblemException {
        Instant oldest = Bounds.EARLIEST;
        Instant newest = NOW.plus(Bounds.EVENT_MAX_AHEAD);

        assertThat(EventAdmission.admit(List.of(event(oldest), event(newest)), NOW)).hasSize(2);
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event(oldest.minusSeconds(1))), NOW)).hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event(newest.plusSeconds(1))), NOW)).hasMessageContaining("occurredAt");
    }

    @Test
    void identifiersThatCannotBeKeysAreRefused() {
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event("x".repeat(3000), "1Z999", NOW, "m", null, null)), NOW))
                .hasMessageContaining("checkpoint 1 of 1: carrier");
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event("dhl paket", "1Z999", NOW, "m", null, null)), NOW))
                .hasMessageContaining("carrier 'dhl paket'");
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event("ups", "9".repeat(3000), NOW, "m", null, null)), NOW))
                .hasMessageContaining("trackingNumber has 3000 letters and digits; at most 64");
        assertThatThrownBy(() -> EventAdmission.admit(List.of(event("ups", "", NOW, "m", null, null)), NOW))
                .hasMessageContaining("trackingNumber must hold at least one letter or digit");
    }

    @Test
    void longTextsAreCutImpossibleCoordinatesAndEstimatesDropped() throws ProblemException {
        // GIVEN a checkpoint with a huge text, a huge city, an infinite latitude and an ETA in the year 3000
        Location place = new Location("c".repeat(5000), "WA", "US", null, Double.POSITIVE_INFINITY, 10.0);
        TrackingEvent sent = event("ups", "1Z999", NOW, "m".repeat(100_000), place, Instant.parse("3000-01-01T00:00:00Z"));

        // WHEN it is admitted
        TrackingEvent admitted = EventAdmission.admit(List.of(sent), NOW).getFirst();

        // THEN what is kept is bounded, and the rest of the checkpoint is untouched
        assertThat(admitted.rawMessage()).hasSize(Bounds.MESSAGE).endsWith("…");
        assertThat(admitted.location().city()).hasSize(Bounds.SHORT_TEXT);
        assertThat(admitted.location().lat()).isNull();
        assertThat(admitted.location().lon()).isNull();
        assertThat(admitted.carrierEta()).isNull();
        assertThat(admitted.eventId()).isEqualTo(sent.eventId());
        assertThat(admitted.status()).isEqualTo(Status.IN_TRANSIT);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "a".repeat(Bounds.MESSAGE - 2) + "😀😀";

        assertThat(Bounds.cut(text, Bounds.MESSAGE)).isEqualTo("a".repeat(Bounds.MESSAGE - 2) + "…");
    }

    @Test
    void anEventStoredWithAnImpossibleTimeReadsAsInformationAtItsReceipt() {
        // GIVEN an event an older version stored with the year 999,999,999
        TrackingEvent stored = event(Instant.parse("+999999999-01-01T00:00:00Z"));

        // WHEN the timeline reads it
        TrackingEvent read = EventAdmission.readable(stored);

        // THEN it no longer moves the shipment nor its clocks, and keeps its text
        assertThat(read.occurredAt()).isEqualTo(stored.receivedAt());
        assertThat(read.status()).isNull();
        assertThat(read.rawMessage()).isEqualTo(stored.rawMessage());
        assertThat(EventAdmission.readable(event(NOW))).isEqualTo(event(NOW));
    }

    @Test
    void anHourAheadIsOnlyAClockAndPasses() throws ProblemException {
        assertThat(EventAdmission.admit(List.of(event(NOW.plus(Duration.ofHours(1)))), NOW)).hasSize(1);
    }
}
