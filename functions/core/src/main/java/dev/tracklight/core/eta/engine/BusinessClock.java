package dev.tracklight.core.eta.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Set;

/**
 * Time measured in business days: a weekday counts 1, a weekend day or a public holiday counts almost
 * nothing (parcels rarely move then), and a fraction of a day counts in proportion. Transit times measured
 * this way do not jump when a hand-off falls on a Friday, and estimates do not land on Sundays.
 */
public final class BusinessClock {

    /** Not zero, so the clock stays strictly increasing and every business time maps back to one moment. */
    private static final double IDLE_DAY = 1e-3;

    private final LocalDate first;
    private final double[] weight;
    private final double[] cumulative;

    /** @param holidays weekday holidays of the lane's country; the clock covers {@code first} to {@code last} */
    public BusinessClock(Set<LocalDate> holidays, LocalDate first, LocalDate last) {
        this.first = first;
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        weight = new double[days];
        cumulative = new double[days + 1];
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            boolean idle = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || holidays.contains(day);
            weight[i] = idle ? IDLE_DAY : 1.0;
            cumulative[i + 1] = cumulative[i] + weight[i];
        }
    }

    /** Whether the calendar reaches this day; outside it the clock cannot measure. */
    public boolean covers(LocalDate day) {
        long index = ChronoUnit.DAYS.between(first, day);
        return index >= 0 && index < weight.length;
    }

    /** Business days from the clock's first day to {@code time}. */
    public double at(LocalDateTime time) {
        int day = index(time.toLocalDate());
        return cumulative[day] + weight[day] * time.toLocalTime().toSecondOfDay() / 86_400.0;
    }

    /** The moment at which {@code businessDays} have elapsed. */
    public LocalDateTime moment(double businessDays) {
        int found = Arrays.binarySearch(cumulative, businessDays);
        int day = Math.min(Math.max(found >= 0 ? found : -found - 2, 0), weight.length - 1);
        double fraction = Math.min(Math.max((businessDays - cumulative[day]) / weight[day], 0.0), 1.0 - 1e-9);
        return first.plusDays(day).atStartOfDay().plusSeconds(Math.round(fraction * 86_400.0 - 0.5));
    }

    private int index(LocalDate day) {
        int index = (int) ChronoUnit.DAYS.between(first, day);
        if (index < 0 || index >= weight.length) {
            throw new IllegalArgumentException(day + " is outside the business calendar " + first + " … " + first.plusDays(weight.length - 1));
        }
        return index;
    }
}
