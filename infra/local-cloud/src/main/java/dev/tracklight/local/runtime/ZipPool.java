package dev.tracklight.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A function's execution environments, as Lambda scales them: none until the first invocation (which then pays
 * the cold start), another started when every one is busy, up to {@code limit}; an instance that timed out is
 * gone. Events go in and responses come out as the JSON Lambda exchanges, through the runtime's own serializers.
 */
public final class ZipPool implements AutoCloseable {

    private final String name;
    private final String handler;
    private final Path zip;
    private final Map<String, String> environment;
    private final int memoryMb;
    private final Duration timeout;
    private final Busy busy = new Busy();
    private final int limit;
    private final Path work;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Deque<ZipInstance> idle = new ArrayDeque<>();
    private final List<ZipInstance> all = new ArrayList<>();
    /** Instances being started: counted against the limit at once, or a burst of requests would start one each. */
    private int starting;
    private int started;

    @SuppressWarnings("unchecked")
    public ZipPool(String name, String handler, Path zip, Map<String, String> environment, int memoryMb, Duration timeout, int limit,
                   Path work) {
        this.name = name;
        this.handler = handler;
        this.zip = zip;
        this.environment = Map.copyOf(environment);
        this.memoryMb = memoryMb;
        this.timeout = timeout;
        this.limit = limit;
        this.work = work;
        Class<?>[] types = handlerTypes(handler);
        ClassLoader loader = ZipPool.class.getClassLoader();
        this.input = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(types[0], loader);
        this.output = (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(types[1], loader);
    }

    /** @throws IllegalStateException when the function failed (its error as Lambda reports it) or timed out */
    public Object invoke(Object event) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        input.toJson(event, json);
        ZipInstance instance = take();
        ZipInstance.Invoked invoked;
        try {
            invoked = instance.invoke(json.toString(StandardCharsets.UTF_8), timeout);
            busy.add(invoked.took());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " was interrupted", e);
        } finally {
            release(instance);
        }
        if (invoked.error()) {
            throw new IllegalStateException(name + " failed: " + invoked.body());
        }
        return invoked.body().isBlank() || invoked.body().equals("null") ? null : output.fromJson(invoked.body());
    }

    private ZipInstance take() {
        synchronized (this) {
            while (true) {
                ZipInstance ready = idle.pollFirst();
                if (ready != null) {
                    return ready;
                }
                if (all.size() + starting < limit) {
                    starting++;
                    started++;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(name + " was interrupted waiting for an instance", e);
                }
            }
        }
        ZipInstance instance = null;
        try {
            instance = ZipInstance.start(zip, name, handler, environment, memoryMb, work);
            instance.awaitInit(Duration.ofSeconds(60));
            synchronized (this) {
                all.add(instance);
            }
            return instance;
        } catch (RuntimeException | IOException | InterruptedException | TimeoutException e) {
            if (instance != null) {
                instance.close();
            }
            throw failedStart(e);
        } finally {
            synchronized (this) {
                starting--;
                notifyAll();
            }
        }
    }

    private RuntimeException failedStart(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return switch (e) {
            case RuntimeException runtime -> runtime;
            case IOException io -> new UncheckedIOException(name + " could not start", io);
            case TimeoutException timeout -> new IllegalStateException(name + " did not finish its init", timeout);
            default -> new IllegalStateException(name + " could not start", e);
        };
    }

    /** What the running instances wrote to stdout and stderr, instance by instance: the function's CloudWatch log streams. */
    public synchronized List<String> logLines() {
        List<String> lines = new ArrayList<>();
        all.forEach(instance -> instance.output().lines().forEach(lines::add));
        return lines;
    }

    /** How long the invocations took, without the instances' starts. */
    public Busy busy() {
        return busy;
    }

    /** How many execution environments this pool has started so far (cold starts). */
    public synchronized int started() {
        return started;
    }

    private synchronized void release(ZipInstance instance) {
        if (instance.alive()) {
            idle.addFirst(instance);
        } else {
            all.remove(instance);
            instance.close();
        }
        notifyAll();
    }

    @Override
    public synchronized void close() {
        all.forEach(ZipInstance::close);
        all.clear();
        idle.clear();
    }

    /** The handler's input and output types, from its {@code RequestHandler<I, O>}. */
    public static Class<?>[] handlerTypes(String handler) {
        try {
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == RequestHandler.class) {
                    Type[] arguments = parameterized.getActualTypeArguments();
                    return new Class<?>[]{(Class<?>) arguments[0], (Class<?>) arguments[1]};
                }
            }
            throw new IllegalArgumentException(handler + " is not a RequestHandler");
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(handler + " is not on the local cloud's classpath", e);
        }
    }
}
