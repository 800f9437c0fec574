package dev.tracklight.operator;

import dev.tracklight.core.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file {@code ./tracklight up} writes for its port ({@code target/local-cloud-<port>.json}, removed when it
 * stops): the variables a function of that local cloud reads, so the commands reach it as a function would.
 */
public final class LocalCloudState {

    private static final Path FOLDER = Path.of("target");

    private LocalCloudState() {
    }

    public static Path file(int port) {
        return FOLDER.resolve("local-cloud-" + port + ".json");
    }

    public static void write(int port, Map<String, String> variables) throws IOException {
        Files.createDirectories(FOLDER);
        Files.writeString(file(port), Json.write(variables));
    }

    /**
     * The state of the local cloud on {@code port}, or of the only one running from this checkout.
     *
     * @throws IllegalStateException when several are running and no port says which
     */
    public static Optional<Map<String, String>> find(Optional<Integer> port) throws IOException {
        List<Path> states;
        if (port.isPresent()) {
            states = Files.exists(file(port.get())) ? List.of(file(port.get())) : List.of();
        } else if (Files.isDirectory(FOLDER)) {
            try (var listing = Files.list(FOLDER)) {
                states = listing.filter(f -> f.getFileName().toString().matches("local-cloud-\\d+\\.json")).sorted().toList();
            }
        } else {
            states = List.of();
        }
        if (states.size() > 1) {
            throw new IllegalStateException("several local clouds are running (" + states.stream().map(Path::getFileName).toList()
                    + "); choose one with --port N");
        }
        if (states.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> variables = new HashMap<>();
        Json.read(Files.readString(states.getFirst()), Map.class).forEach((name, value) -> variables.put((String) name, (String) value));
        return Optional.of(variables);
    }

    /** What was looked for, for the message that says none was found. */
    public static String lookedFor(Optional<Integer> port) {
        return port.map(LocalCloudState::file).map(Path::toString).orElse(FOLDER + "/local-cloud-*.json");
    }

    /** The default credential chain reads these; the local stand-ins accept any key (a real one set by the user wins). */
    public static void useLocalCredentials() {
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "local"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
    }
}
