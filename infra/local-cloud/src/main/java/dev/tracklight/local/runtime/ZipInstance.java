package dev.tracklight.local.runtime;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One execution environment of a function, as Lambda makes it: a JVM of its own started from the function's
 * deployment zip (classes at the root, {@code lib/*}), with the Lambda runtime interface client as its entry point
 * polling a {@link RuntimeApi} of its own, the template's handler string and environment, {@code MemorySize} as the
 * heap limit and the flags Lambda's java21 runtime starts with (C1 only, the serial collector). An invocation past
 * the function's timeout kills the JVM and fails, as on Lambda.
 */
public final class ZipInstance implements AutoCloseable {

    /** What one invocation gave: the response or error body, and how long it took from the event being handed over. */
    public record Invoked(boolean error, String body, Duration took) {
    }

    /** Where the runtime client loads its JNI library from when told (its {@code JniHelper}), instead of unpacking it. */
    private static final String NATIVE_CLIENT_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final Process process;
    private final RuntimeApi api;
    private final Instant started;
    private final Path directory;

    private ZipInstance(Process process, RuntimeApi api, Instant started, Path directory) {
        this.process = process;
        this.api = api;
        this.started = started;
        this.directory = directory;
    }

    /**
     * Unpacks the zip into a directory of its own under {@code work} and starts the JVM; the function's init runs
     * until its first poll ({@link #awaitInit}).
     */
    public static ZipInstance start(Path zip, String name, String handler, Map<String, String> environment, int memoryMb, Path work)
            throws IOException {
        return start(zip, name, handler, environment, memoryMb, work, false);
    }

    /**
     * The same; {@code primed} first runs the function's SnapStart priming hooks ({@link PrimedRuntime}), as a
     * snapshot would hold them.
     */
    public static ZipInstance start(Path zip, String name, String handler, Map<String, String> environment, int memoryMb, Path work,
                                    boolean primed) throws IOException {
        Path directory = Files.createTempDirectory(Files.createDirectories(work), name + "-");
        Path library = nativeLibrary(work);
        unzip(zip, directory);
        RuntimeApi api = new RuntimeApi("arn:aws:lambda:local:000000000000:function:" + name);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx" + memoryMb + "m",
                "-Djava.io.tmpdir=" + directory,
                // the runtime client would copy its native library over /tmp/.libaws-lambda-jni.so at each start, and an
                // instance starting while another loads it dies of SIGBUS: every instance loads one copy made once
                "-D" + NATIVE_CLIENT_PROPERTY + "=" + library,
                "-cp", String.join(java.io.File.pathSeparator, directory.toString(), directory.resolve("lib") + "/*", ricClasspath())
                        + (primed ? java.io.File.pathSeparator + codeOf(PrimedRuntime.class) : ""),
                (primed ? PrimedRuntime.class : AWSLambda.class).getName(), handler));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.log").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment);
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("LAMBDA_TASK_ROOT", directory.toString());
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putIfAbsent("AWS_ACCESS_KEY_ID", "local");
        env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "local");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Instant started = Instant.now();
        return new ZipInstance(builder.start(), api, started, directory);
    }

    /**
     * Waits for the function's init (JVM start, handler class and constructor) to end with the runtime's first poll.
     *
     * @return how long it took from the JVM's start
     * @throws IllegalStateException when the function reported an init error or its JVM exited
     */
    public Duration awaitInit(Duration limit) throws InterruptedException, TimeoutException {
        try {
            CompletableFuture.anyOf(api.firstPoll(), api.initError(), process.onExit()).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException("waiting for " + process.pid() + " failed", impossible.getCause());
        }
        if (!api.firstPoll().isDone()) {
            throw new IllegalStateException("the function did not start: " + api.initError().getNow("its JVM exited") + "\n" + output());
        }
        return Duration.between(started, api.firstPoll().join());
    }

    /** Hands the runtime one event; past {@code timeout} the JVM is killed and the invocation fails, as on Lambda. */
    public Invoked invoke(String event, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try {
            RuntimeApi.Outcome outcome = api.invoke(event, timeout).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Invoked(outcome.error(), outcome.body(), Duration.ofNanos(System.nanoTime() - start));
        } catch (TimeoutException late) {
            process.destroyForcibly();
            return new Invoked(true, "{\"errorMessage\":\"Task timed out after " + timeout.toSeconds() + " seconds\"}",
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            throw new IllegalStateException("the invocation failed", e.getCause());
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The JVM's resident set now, in KB (Linux's {@code /proc}); -1 where there is none. */
    public long residentKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended, or this is not Linux
        }
        return -1;
    }

    /** What the function printed (its logs), for a failure's message. */
    public String output() {
        try {
            return Files.readString(directory.resolve("output.log"));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
        try (var files = Files.walk(directory)) {
            // the unpacked zip: deepest first, so each directory is empty when it goes
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover under target/ is cleaned by the next mvn clean
        }
    }

    /** The runtime interface client and what it needs beyond the zip, as Lambda's managed runtime provides them. */
    private static String ricClasspath() {
        return codeOf(AWSLambda.class) + java.io.File.pathSeparator + codeOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class);
    }

    /** The jar or folder a class was loaded from. */
    private static String codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }

    /** The runtime client's JNI library for this machine, copied out of its jar once into {@code work}. */
    private static synchronized Path nativeLibrary(Path work) throws IOException {
        String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "aarch_64" : "x86_64";
        boolean musl;
        try (var libs = Files.list(Path.of("/lib"))) {
            musl = libs.anyMatch(lib -> lib.getFileName().toString().startsWith("ld-musl-"));
        }
        String name = "libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + arch + ".so";
        Path library = work.resolve(name);
        if (!Files.exists(library)) {
            try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
                if (in == null) {
                    throw new IOException("the runtime client has no " + name);
                }
                Path partial = Files.createTempFile(work, name, ".part");
                Files.copy(in, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return library;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new UncheckedIOException(new IOException("zip entry outside its directory: " + entry.getName()));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }
}
