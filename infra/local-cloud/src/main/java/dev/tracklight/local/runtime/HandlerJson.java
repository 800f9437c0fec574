package dev.tracklight.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tracklight.aws.runtime.EventHandler;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A handler's events and results as Lambda's JSON, through the runtime's own serializers, so what the handlers read
 * and write themselves is checked against Lambda's shapes: for an {@code EventHandler<I, O>} by its declared types;
 * for a schedule's {@code RequestStreamHandler} the event by its own class, and the result left as the JSON text the
 * handler wrote.
 */
public final class HandlerJson {

    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;

    private HandlerJson(PojoSerializer<Object> input, PojoSerializer<Object> output) {
        this.input = input;
        this.output = output;
    }

    @SuppressWarnings("unchecked")
    public static HandlerJson of(String handler) {
        Optional<Class<?>[]> types = types(handler);
        ClassLoader loader = HandlerJson.class.getClassLoader();
        return types.map(declared -> new HandlerJson((PojoSerializer<Object>) LambdaEventSerializers.serializerFor(declared[0], loader),
                (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(declared[1], loader))).orElse(new HandlerJson(null, null));
    }

    @SuppressWarnings("unchecked")
    public String event(Object event) {
        PojoSerializer<Object> serializer = input != null ? input
                : (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(event.getClass(), HandlerJson.class.getClassLoader());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        serializer.toJson(event, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    /** The result as the caller reads it: null for none, the declared type's object, or a stream handler's text. */
    public Object result(String json) {
        if (json.isBlank() || json.equals("null")) {
            return null;
        }
        return output == null ? json : output.fromJson(json);
    }

    /**
     * The simple name of the event type the handler takes; a stream handler here is a schedule's (it takes the
     * bytes because it reads nothing of them), so {@code ScheduledEvent}.
     */
    public static String eventType(String handler) {
        return types(handler).map(declared -> declared[0].getSimpleName()).orElse("ScheduledEvent");
    }

    /** Input and output types from its {@code EventHandler<I, O>}; empty for a schedule's plain stream handler. */
    private static Optional<Class<?>[]> types(String handler) {
        try {
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(handler + " is not a RequestStreamHandler");
            }
            if (type.getGenericSuperclass() instanceof ParameterizedType parameterized && parameterized.getRawType() == EventHandler.class) {
                Type[] arguments = parameterized.getActualTypeArguments();
                return Optional.of(new Class<?>[]{(Class<?>) arguments[0], (Class<?>) arguments[1]});
            }
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(handler + " is not on the local cloud's classpath", e);
        }
    }
}
