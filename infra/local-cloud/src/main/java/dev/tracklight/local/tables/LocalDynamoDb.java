package dev.tracklight.local.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Amazon's DynamoDB Local, in memory, in a child JVM. A child process rather than a library call because
 * DynamoDB Local's own threads outlive its {@code stop()} for minutes; destroying the process leaves
 * nothing behind. It binds all interfaces (it has no host option); nothing but this machine talks to it.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String NATIVES = "sqlite4java";

    private final int port;
    private final Path data;
    private Process process;

    private LocalDynamoDb(int port, Path data) {
        this.port = port;
        this.data = data;
    }

    /** @param data the folder for the tables, or null to keep them in memory */
    public static LocalDynamoDb start(int port, Path data) {
        LocalDynamoDb dynamo = new LocalDynamoDb(port, data);
        dynamo.launch();
        return dynamo;
    }

    private void launch() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            List<String> storage = data == null ? List.of("-inMemory") : List.of("-dbPath", data.toString());
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-Dsqlite4java.library.path=" + nativeLibraries(),
                    "-cp", System.getProperty("java.class.path"),
                    "com.amazonaws.services.dynamodbv2.local.main.ServerRunner"));
            command.addAll(storage);
            command.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
            process = builder.start();
            awaitListening();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start DynamoDB Local", e);
        }
    }

    /** Stops the server; {@link #restart()} brings it back on the same port with the same tables. */
    public void stop() {
        if (data == null) {
            throw new IllegalStateException("an in-memory DynamoDB Local would lose its tables; start it with a data folder");
        }
        close();
    }

    public void restart() {
        launch();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("DynamoDB Local exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("DynamoDB Local did not listen on " + port + " within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting DynamoDB Local", e);
        }
    }

    /**
     * sqlite4java's native library, copied next to the classes by the build (see local-cloud's pom); when
     * the classes come from a jar it is extracted to a temporary folder first.
     */
    private static Path nativeLibraries() throws IOException {
        URL url = LocalDynamoDb.class.getResource("/" + NATIVES);
        if (url == null) {
            throw new IllegalStateException("sqlite4java natives are not on the classpath; build with ./tracklight");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            Path target = Files.createTempDirectory("tracklight-sqlite4java");
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of()); Stream<Path> files = Files.list(jar.getPath("/" + NATIVES))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(file.getFileName().toString());
                    Files.copy(file, copy);
                    copy.toFile().deleteOnExit();
                }
            }
            target.toFile().deleteOnExit();
            return target;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
