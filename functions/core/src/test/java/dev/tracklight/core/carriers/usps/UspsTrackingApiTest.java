package dev.tracklight.core.carriers.usps;

import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** USPS Tracking v3 answers (events/carriers/usps/). */
class UspsTrackingApiTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");

    @Test
    void aDetailAnswerBecomesOneEventPerScanWithItsLocalTimePlacedAtItsOffset() throws ProblemException {
        // GIVEN an answer whose local times end in a 'Z' that is not UTC, with offsets written two ways
        List<TrackingEvent> events = UspsTrackingApi.events(Fixtures.read("carriers/usps/tracking-v3-detail-constructed.json"), NOW);

        // THEN the all-null row is skipped, and every scan keeps USPS's code, words and place
        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.DELIVERED, Status.OUT_FOR_DELIVERY, Status.IN_TRANSIT,
                Status.PICKED_UP, Status.INFO_RECEIVED);
        TrackingEvent delivered = events.getFirst();
        assertThat(delivered.occurredAt()).as("13:05 local at -5:00, not 13:05 UTC").isEqualTo(Instant.parse("2026-11-26T18:05:00Z"));
        assertThat(delivered.localOffset()).isEqualTo("-05:00");
        assertThat(delivered.offsetInferred()).isFalse();
        assertThat(delivered.rawCode()).isEqualTo("01");
        assertThat(delivered.rawMessage()).isEqualTo("Delivered, In/At Mailbox");
        assertThat(delivered.location().city()).isEqualTo("ARLINGTON");
        assertThat(delivered.location().country()).as("blank for a domestic scan").isEqualTo("US");
        assertThat(events.get(1).occurredAt()).isEqualTo(Instant.parse("2026-11-26T12:10:00Z"));

        // AND a row without an offset takes its GMT time, one with neither its local time as UTC, both marked inferred
        assertThat(events.get(3).occurredAt()).isEqualTo(Instant.parse("2026-11-24T21:31:21Z"));
        assertThat(events.get(3).offsetInferred()).isTrue();
        assertThat(events.get(4).occurredAt()).isEqualTo(Instant.parse("2026-11-24T09:12:00Z"));
        assertThat(events.get(4).offsetInferred()).isTrue();
    }

    @Test
    void theSameAnswerReadTwiceGivesTheSameEvents() throws ProblemException {
        String body = Fixtures.read("carriers/usps/tracking-v3-detail-constructed.json");

        assertThat(UspsTrackingApi.events(body, NOW)).extracting(TrackingEvent::eventId)
                .containsExactlyElementsOf(UspsTrackingApi.events(body, NOW.plusSeconds(600)).stream().map(TrackingEvent::eventId).toList());
    }

    @Test
    void offsetsAreReadHoweverUspsWritesThemAndNonsenseIsNone() {
        assertThat(UspsTrackingApi.offset("-6:00")).isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(UspsTrackingApi.offset("-06:00")).isEqualTo(ZoneOffset.ofHours(-6));
        assertThat(UspsTrackingApi.offset("+0530")).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(UspsTrackingApi.offset("-99:00")).isNull();
        assertThat(UspsTrackingApi.offset("EST")).isNull();
        assertThat(UspsTrackingApi.offset(null)).isNull();
    }

    @Test
    void anAnswerWithoutItsNumberOrWithAnUnreadableTimeIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> UspsTrackingApi.events("{\"trackingEvents\":[]}", NOW)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> UspsTrackingApi.events("{\"trackingNumber\":\"94001\",\"trackingEvents\":[{\"eventCode\":\"01\","
                + "\"eventTimestamp\":\"yesterday\",\"GMTOffset\":\"-5:00\"}]}", NOW)).isInstanceOf(ProblemException.class);
    }
}
