package dev.tracklight.local.invoke;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.tracklight.aws.env.FunctionEnvironment;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Map;

/**
 * One function of the template, running in-process: the same handler class Lambda runs, built through
 * its {@code (FunctionEnvironment)} constructor with the variables the template declares.
 */
public final class LocalFunction {

    private final String name;
    private final RequestHandler<Object, Object> handler;
    private final Duration timeout;

    @SuppressWarnings("unchecked")
    public LocalFunction(String name, String handlerClass, Map<String, String> environment, Duration timeout) {
        this.name = name;
        this.timeout = timeout;
        try {
            this.handler = (RequestHandler<Object, Object>) Class.forName(handlerClass)
                    .getConstructor(FunctionEnvironment.class)
                    .newInstance(new FunctionEnvironment(environment));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("function " + name + " failed to initialize", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("function " + name + ": " + handlerClass
                    + " needs a public (FunctionEnvironment) constructor", e);
        }
    }

    public String name() {
        return name;
    }

    @SuppressWarnings("unchecked")
    public <O> O invoke(Object event) {
        return (O) handler.handleRequest(event, new LocalContext(name, timeout));
    }
}
