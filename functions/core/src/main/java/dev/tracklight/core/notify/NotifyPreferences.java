package dev.tracklight.core.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A merchant's choice of what its consumers are told: the moments each channel sends (those left out send their
 * defaults, {@link Moment#defaultsFor}), and quiet hours on the recipient's clock (none when absent).
 */
public record NotifyPreferences(Map<NotifyChannel, Set<Moment>> moments, QuietHours quietHours) {

    public static final NotifyPreferences DEFAULTS = new NotifyPreferences(Map.of(), null);

    public NotifyPreferences {
        moments = moments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(moments));
    }

    public boolean sends(NotifyChannel channel, Moment moment) {
        Set<Moment> chosen = moments.get(channel);
        return (chosen == null ? Moment.defaultsFor(channel) : chosen).contains(moment);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        moments.forEach((channel, chosen) -> {
            if (channel == null || chosen == null || chosen.stream().anyMatch(Objects::isNull)) {
                problems.add("notifications.moments takes EMAIL and SMS, each a list of " + EnumSet.allOf(Moment.class));
            }
        });
        if (quietHours != null && (quietHours.from() == null || quietHours.to() == null || quietHours.from().equals(quietHours.to()))) {
            problems.add("notifications.quietHours needs from and to, two different times such as \"21:00\" and \"08:00\"");
        }
        return problems;
    }
}
