package dev.tracklight.bench.eta;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** What a predictor said at hand-off; {@code early} and {@code late} are null when it gives no window. */
public record Forecast(LocalDateTime likely, LocalDateTime early, LocalDateTime late, LocalDate estimatedDeliveryDate, boolean lateWarning) {
}
