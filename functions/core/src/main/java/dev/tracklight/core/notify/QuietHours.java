package dev.tracklight.core.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * When a consumer is not to be woken: from {@code from} to {@code to} on the recipient's clock, over midnight when
 * {@code from} is later than {@code to} (21:00–08:00). A message due then waits until it ends.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean isQuiet(Instant at, ZoneOffset recipient) {
        LocalTime local = at.atOffset(recipient).toLocalTime();
        return from.isBefore(to) ? !local.isBefore(from) && local.isBefore(to) : !local.isBefore(from) || local.isBefore(to);
    }
}
