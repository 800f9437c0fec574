package dev.tracklight.core.eta.engine;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * National public holidays on which parcels do not move, by country. Brazil 2016–2018 (with Carnival
 * Monday/Tuesday and Good Friday) is what the Olist backtest needs; other countries start with weekends only.
 */
public final class PublicHolidays {

    private static final Map<String, Set<LocalDate>> BY_COUNTRY = Map.of("BR", dates("""
            2016-09-07 2016-10-12 2016-11-02 2016-11-15 2016-12-25 2017-01-01 2017-02-27 2017-02-28 2017-04-14
            2017-04-21 2017-05-01 2017-06-15 2017-09-07 2017-10-12 2017-11-02 2017-11-15 2017-12-25 2018-01-01
            2018-02-12 2018-02-13 2018-03-30 2018-04-21 2018-05-01 2018-05-31 2018-09-07 2018-10-12 2018-11-02
            2018-11-15 2018-12-25"""));

    private PublicHolidays() {
    }

    /** @param country ISO 3166 alpha-2 */
    public static Set<LocalDate> of(String country) {
        return BY_COUNTRY.getOrDefault(country, Set.of());
    }

    private static Set<LocalDate> dates(String list) {
        return Stream.of(list.trim().split("\\s+")).map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
    }
}
