package dev.tracklight.aws.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A function on a schedule. The schedule is the whole message, so it takes EventBridge's event as bytes it does not
 * read instead of a {@code ScheduledEvent}: the runtime client then needs no event serializer, and its Jackson-based
 * one is about 1,100 classes and 240 ms of init before the first poll (measured with {@code -Xlog:class+load}).
 */
public abstract class ScheduleHandler implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream event, OutputStream result, Context context) throws IOException {
        result.write(run(context).getBytes(StandardCharsets.UTF_8));
    }

    /** Does the run; returns what it did, as JSON. */
    protected abstract String run(Context context);
}
