package dev.tracklight.core.eta.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BusinessClockTest {

    private final BusinessClock clock = new BusinessClock(Set.of(LocalDate.parse("2026-12-25")), LocalDate.parse("2026-11-01"),
            LocalDate.parse("2027-01-31"));

    @Test
    void aWeekendBarelyCountsAndAWeekCountsFive() {
        LocalDateTime friday = LocalDateTime.parse("2026-11-20T12:00:00");

        assertThat(clock.at(friday.plusDays(3)) - clock.at(friday)).isCloseTo(1.0, within(0.01));
        assertThat(clock.at(friday.plusDays(7)) - clock.at(friday)).isCloseTo(5.0, within(0.01));
    }

    @Test
    void aHolidayCountsLikeASunday() {
        LocalDateTime christmasEve = LocalDateTime.parse("2026-12-24T12:00:00"); // a Thursday; the 25th a Friday

        assertThat(clock.at(christmasEve.plusDays(4)) - clock.at(christmasEve)).as("Thursday noon to Monday noon").isCloseTo(1.0, within(0.01));
    }

    @Test
    void mapsBusinessTimeBackToTheMoment() {
        LocalDateTime monday = LocalDateTime.parse("2026-11-23T09:30:00");

        assertThat(clock.moment(clock.at(monday))).isEqualTo(monday);
        // the weekend's own 0.002 business days make it a few minutes earlier than 09:30
        assertThat(Duration.between(clock.moment(clock.at(monday) + 5.0), monday.plusDays(7))).as("five business days on: the next Monday")
                .isBetween(Duration.ZERO, Duration.ofMinutes(5));
    }

    @Test
    void measuresDaysBeforeAndAfterItsHolidayTableWithWeekendsOnly() {
        LocalDateTime longBefore = LocalDateTime.parse("1998-03-02T08:00:00"); // a Monday
        LocalDateTime longAfter = LocalDateTime.parse("2031-06-13T15:00:00");  // a Friday

        assertThat(clock.at(longBefore.plusDays(7)) - clock.at(longBefore)).isCloseTo(5.0, within(0.01));
        assertThat(clock.moment(clock.at(longBefore))).isEqualTo(longBefore);
        assertThat(clock.moment(clock.at(longAfter))).isEqualTo(longAfter);
        assertThat(clock.at(longAfter)).isGreaterThan(clock.at(LocalDateTime.parse("2027-01-31T23:00:00")));
    }
}
