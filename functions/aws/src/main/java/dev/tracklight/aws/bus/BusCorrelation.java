package dev.tracklight.aws.bus;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.aws.observe.Correlation;

/** The correlation id an announcement carries in its detail ({@link ShipmentEvents}); a fresh one when it carries none. */
public final class BusCorrelation {

    private BusCorrelation() {
    }

    public static String of(ScheduledEvent event) {
        Object id = event.getDetail() == null ? null : event.getDetail().get(Correlation.ATTRIBUTE);
        return Correlation.accept(id instanceof String text ? text : null, null);
    }
}
