package dev.tracklight.aws.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A function on a schedule. The schedule is the whole message, so it takes EventBridge's event as bytes it does not
 * read instead of a {@code ScheduledEvent}: the runtime client then needs no event serializer, and its Jackson-based
 * one is about 1,100 classes and 240 ms of init before the first poll (measured with {@code -Xlog:class+load}). Each
 * run is one journey of its own in the logs and metrics.
 */
public abstract class ScheduleHandler implements RequestStreamHandler {

    /** Warms the domain's and the SDK's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::all);

    private final Telemetry telemetry;

    protected ScheduleHandler(String service) {
        this.telemetry = Telemetry.forService(service);
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream result, Context context) throws IOException {
        Deadline deadline = Deadline.of(context);
        String done = telemetry.around(context, Correlation.fresh(), () -> run(deadline));
        result.write(done.getBytes(StandardCharsets.UTF_8));
    }

    /** Does the run, taking no new work once {@code deadline} has passed; returns what it did, as JSON. */
    protected abstract String run(Deadline deadline);
}
