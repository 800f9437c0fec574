package dev.tracklight.local.invoke;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.local.runtime.Busy;
import dev.tracklight.local.runtime.HandlerJson;
import dev.tracklight.local.runtime.ZipPool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One function of the template, as the local cloud invokes it: from its deployment zip through the Lambda runtime
 * client, in JVMs of its own ({@link #fromZip}, what {@code ./tracklight up} runs), or in-process, the same handler
 * class built through its {@code (FunctionEnvironment)} constructor with the template's variables (for tests that
 * need a function's JVM to be theirs).
 */
public final class LocalFunction implements AutoCloseable {

    private final String name;
    private final UnaryOperator<Object> invoker;
    private final AutoCloseable resources;
    private final Supplier<List<String>> logLines;
    private final Busy busy;

    private LocalFunction(String name, UnaryOperator<Object> invoker, AutoCloseable resources, Supplier<List<String>> logLines, Busy busy) {
        this.name = name;
        this.invoker = invoker;
        this.resources = resources;
        this.logLines = logLines;
        this.busy = busy;
    }

    public LocalFunction(String name, String handlerClass, Map<String, String> environment, Duration timeout) {
        this.name = name;
        this.resources = () -> { };
        // in-process, every function writes to the one JVM's stdout
        this.logLines = List::of;
        Object handler;
        try {
            handler = Class.forName(handlerClass).getConstructor(FunctionEnvironment.class).newInstance(new FunctionEnvironment(environment));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("function " + name + " failed to initialize", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("function " + name + ": " + handlerClass
                    + " needs a public (FunctionEnvironment) constructor", e);
        }
        this.busy = new Busy();
        UnaryOperator<Object> call = streamed((RequestStreamHandler) handler, HandlerJson.of(handlerClass + "::handleRequest"), name, timeout);
        this.invoker = event -> {
            long start = System.nanoTime();
            try {
                return call.apply(event);
            } finally {
                busy.add(Duration.ofNanos(System.nanoTime() - start));
            }
        };
    }

    /** A stream handler called as the runtime calls it: the event as Lambda's JSON in, its JSON text out. */
    private static UnaryOperator<Object> streamed(RequestStreamHandler handler, HandlerJson json, String name, Duration timeout) {
        return event -> {
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(json.event(event).getBytes(StandardCharsets.UTF_8)), result, new LocalContext(name, timeout));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return json.result(result.toString(StandardCharsets.UTF_8));
        };
    }

    /** The function run from its zip: instances start on first invocation, up to {@code concurrency} at once. */
    public static LocalFunction fromZip(String name, String handler, Path zip, Map<String, String> environment, int memoryMb,
                                        Duration timeout, int concurrency, Path work) {
        ZipPool pool = new ZipPool(name, handler, zip, environment, memoryMb, timeout, concurrency, work);
        return new LocalFunction(name, pool::invoke, pool, pool::logLines, pool.busy());
    }

    public String name() {
        return name;
    }

    /** The lines the function's instances logged when it runs from its zip; none in-process. */
    public List<String> logLines() {
        return logLines.get();
    }

    @SuppressWarnings("unchecked")
    public <O> O invoke(Object event) {
        return (O) invoker.apply(event);
    }

    /** How long its invocations took in all. */
    public Busy busy() {
        return busy;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
