package dev.tracklight.local.runtime;


import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final HandlerJson json;
    private final Deque<ZipInstance> idle = new ArrayDeque<>();
    private final List<ZipInstance> all = new ArrayList<>();
    /** Instances being started: counted against the limit at once, or a burst of requests would start one each. */
    private int starting;
    private int started;

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
        this.json = HandlerJson.of(handler);
    }

    /** @throws IllegalStateException when the function failed (its error as Lambda reports it) or timed out */
    public Object invoke(Object event) {
        String request = json.event(event);
        ZipInstance instance = take();
        ZipInstance.Invoked invoked;
        try {
            invoked = instance.invoke(request, timeout);
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
        return json.result(invoked.body());
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
}
