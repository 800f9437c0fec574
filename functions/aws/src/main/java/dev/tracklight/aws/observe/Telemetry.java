package dev.tracklight.aws.observe;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A function's logs and metrics. A handler runs each invocation {@link #around} it; code below the handler
 * (a queue, the bus, the tracker) then logs and counts through the static methods, which reach the invocation
 * running on the current thread the way Powertools reaches its MDC, so no signature carries it. Outside an
 * invocation they write nothing.
 */
public final class Telemetry {

    /** Inherited, so the virtual threads a handler starts for parallel calls (pushes) count into its invocation. */
    private static final ThreadLocal<Invocation> CURRENT = new InheritableThreadLocal<>();

    private final String service;
    private final PrintStream out;
    private final StructuredLog log;
    private final AtomicBoolean coldStart = new AtomicBoolean(true);

    /** @param service the function's stable name ({@code ingest-carrier}): the {@code service} field and metric dimension */
    public Telemetry(String service, PrintStream out, StructuredLog.Level threshold) {
        this.service = service;
        this.out = out;
        this.log = new StructuredLog(out, threshold);
    }

    /** Writes to stdout at the level Lambda's {@code ApplicationLogLevel} sets. */
    public static Telemetry forService(String service) {
        return new Telemetry(service, System.out, StructuredLog.threshold(System.getenv("AWS_LAMBDA_LOG_LEVEL")));
    }

    /**
     * Runs one invocation with {@code correlationId} as its id, then writes its metrics, whether the work
     * returned or threw. Invocations on other threads (the local cloud runs a handler on several) stay apart.
     */
    public <T> T around(Context context, String correlationId, Supplier<T> work) {
        Invocation outer = CURRENT.get();
        Invocation invocation = new Invocation(this, context == null ? null : context.getFunctionName(),
                context == null ? null : context.getAwsRequestId(), coldStart.getAndSet(false), correlationId);
        CURRENT.set(invocation);
        try {
            return work.get();
        } finally {
            invocation.metrics.flush(out, System.currentTimeMillis());
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The correlation id of the invocation on this thread; null outside one. */
    public static String correlationId() {
        Invocation invocation = CURRENT.get();
        return invocation == null ? null : invocation.correlationId;
    }

    /** Changes the correlation id for what follows in this invocation (a batch handles several webhooks' events). */
    public static void correlate(String correlationId) {
        Invocation invocation = CURRENT.get();
        if (invocation != null) {
            invocation.correlationId = correlationId;
        }
    }

    public static void info(String message, Object... fieldsAndValues) {
        write(StructuredLog.Level.INFO, message, fieldsAndValues);
    }

    public static void warn(String message, Object... fieldsAndValues) {
        write(StructuredLog.Level.WARN, message, fieldsAndValues);
    }

    public static void error(String message, Throwable cause, Object... fieldsAndValues) {
        Object[] all = Arrays.copyOf(fieldsAndValues, fieldsAndValues.length + 2);
        all[fieldsAndValues.length] = "error";
        all[fieldsAndValues.length + 1] = String.valueOf(cause);
        write(StructuredLog.Level.ERROR, message, all);
    }

    /** Counts under the {@code service} dimension and the given ones ({@code "source", "ups"} …). */
    public static void count(String metric, long value, String... dimensionsAndValues) {
        total(metric, value, dimensionsAndValues);
    }

    /** Adds to a total that need not be whole (capacity units), under the same dimensions as a count. */
    public static void total(String metric, double value, String... dimensionsAndValues) {
        Invocation invocation = CURRENT.get();
        if (invocation != null) {
            invocation.metrics.count(metric, value, invocation.dimensions(dimensionsAndValues));
        }
    }

    public static void observe(String metric, EmfMetrics.Unit unit, double value, String... dimensionsAndValues) {
        Invocation invocation = CURRENT.get();
        if (invocation != null) {
            invocation.metrics.observe(metric, unit, value, invocation.dimensions(dimensionsAndValues));
        }
    }

    private static void write(StructuredLog.Level level, String message, Object... fieldsAndValues) {
        Invocation invocation = CURRENT.get();
        if (invocation == null || !invocation.telemetry.log.enabled(level)) {
            return;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("service", invocation.telemetry.service);
        context.put("function_name", invocation.functionName);
        context.put("function_request_id", invocation.requestId);
        context.put("cold_start", invocation.coldStart);
        context.put("correlation_id", invocation.correlationId);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            fields.put(String.valueOf(fieldsAndValues[i]), fieldsAndValues[i + 1]);
        }
        invocation.telemetry.log.write(level, message, context, fields);
    }

    /** What one invocation logs with and counts into. */
    private static final class Invocation {
        private final Telemetry telemetry;
        private final String functionName;
        private final String requestId;
        private final boolean coldStart;
        private final EmfMetrics metrics = new EmfMetrics();
        private String correlationId;

        private Invocation(Telemetry telemetry, String functionName, String requestId, boolean coldStart, String correlationId) {
            this.telemetry = telemetry;
            this.functionName = functionName;
            this.requestId = requestId;
            this.coldStart = coldStart;
            this.correlationId = correlationId;
        }

        private Map<String, String> dimensions(String... dimensionsAndValues) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            dimensions.put("service", telemetry.service);
            for (int i = 0; i + 1 < dimensionsAndValues.length; i += 2) {
                dimensions.put(dimensionsAndValues[i], dimensionsAndValues[i + 1]);
            }
            return dimensions;
        }
    }
}
