package dev.tracklight.aws.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function that takes an event of type {@code I} and answers {@code O}, called by the runtime as a
 * {@link RequestStreamHandler}: it reads and writes the JSON itself ({@link EventJson}), so the runtime client loads
 * no serializer of its own. Tests and the in-process local cloud call {@link #handle} with the event object.
 */
public abstract class EventHandler<I, O> implements RequestStreamHandler {

    /**
     * Warms the domain's, the SDK's and the event JSON's paths before SnapStart's snapshot; held here because CRaC
     * keeps resources weakly.
     */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(() -> {
        Primers.all();
        EventJson.prime();
    });

    private final Class<I> eventType;

    protected EventHandler(Class<I> eventType) {
        this.eventType = eventType;
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream result, Context context) {
        EventJson.write(handle(EventJson.read(event, eventType), context), result);
    }

    public abstract O handle(I event, Context context);
}
