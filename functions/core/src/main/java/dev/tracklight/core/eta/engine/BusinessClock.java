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
    private static final double WEEK = 5 + 2 * IDLE_DAY;

    private final LocalDate first;
    private final double[] weight;
    private final double[] cumulative;

    /**
     * @param holidays weekday holidays of the lane's country, looked up from {@code first} to {@code last};
     *                 any other day is measured too, with weekends only
     */
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

    /** Business days from the clock's first day to {@code time}; before or after the table, weekends only count. */
    public double at(LocalDateTime time) {
        LocalDate day = time.toLocalDate();
        return startOf(day) + weight(day) * time.toLocalTime().toSecondOfDay() / 86_400.0;
    }

    /** The moment at which {@code businessDays} have elapsed. */
    public LocalDateTime moment(double businessDays) {
        LocalDate day;
        if (businessDays >= 0 && businessDays < cumulative[weight.length]) {
            int found = Arrays.binarySearch(cumulative, businessDays);
            day = first.plusDays(Math.min(found >= 0 ? found : -found - 2, weight.length - 1));
        } else {
            // outside the table a week is exactly WEEK: start a week early and step to the day
            day = first.plusDays((long) Math.floor(businessDays / WEEK * 7) - 7);
            while (startOf(day.plusDays(1)) <= businessDays) {
                day = day.plusDays(1);
            }
        }
        double fraction = Math.min(Math.max((businessDays - startOf(day)) / weight(day), 0.0), 1.0 - 1e-9);
        return day.atStartOfDay().plusSeconds(Math.round(fraction * 86_400.0));
    }

    private double startOf(LocalDate day) {
        long index = ChronoUnit.DAYS.between(first, day);
        if (index < 0) {
            return -weekendsOnly(day, first);
        }
        if (index >= weight.length) {
            return cumulative[weight.length] + weekendsOnly(first.plusDays(weight.length), day);
        }
        return cumulative[(int) index];
    }

    private double weight(LocalDate day) {
        long index = ChronoUnit.DAYS.between(first, day);
        return index >= 0 && index < weight.length ? weight[(int) index] : weekendsOnlyWeight(day);
    }

    /** Business days from {@code from} (inclusive) to {@code to} (exclusive), weekends idle, no holidays. */
    private static double weekendsOnly(LocalDate from, LocalDate to) {
        long weeks = ChronoUnit.DAYS.between(from, to) / 7;
        double total = weeks * WEEK;
        for (LocalDate day = from.plusWeeks(weeks); day.isBefore(to); day = day.plusDays(1)) {
            total += weekendsOnlyWeight(day);
        }
        return total;
    }

    private static double weekendsOnlyWeight(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? IDLE_DAY : 1.0;
    }
}
