package dev.tracklight.outbound;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.core.outbound.RetrySchedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Finds the deliveries whose next attempt has come, through the due-hour index (no scan), and attempts
 * them: retries on their schedule, merchants' resends, and first attempts a crashed dispatcher left.
 */
public final class WebhookRetries {

    /** As far back as a pending delivery can be due: its retry window (a sender down that long still finds it). */
    static final Duration LOOKBACK = RetrySchedule.DEFAULT.window();
    /** Deliveries one run takes on; the rest wait for the next run a minute later. */
    static final int MAX_PER_RUN = 500;

    private final WebhookDeliveryStore deliveries;
    private final WebhookSender sender;
    private final Clock clock;

    public WebhookRetries(WebhookDeliveryStore deliveries, WebhookSender sender, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
    }

    /** Returns what became of the deliveries found due; none is started once {@code deadline} has passed. */
    public Map<WebhookSender.Outcome, Integer> run(Deadline deadline) {
        return sender.attemptAll(deliveries.due(clock.instant(), LOOKBACK, MAX_PER_RUN, deadline), Map.of(), deadline);
    }
}
