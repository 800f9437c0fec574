package dev.tracklight.core.repository;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone is all a contributor has: no file of the repository may point at the workplace's shared notes or
 * data, or at an absolute path of the machine it was written on.
 */
class SelfContainedRepositoryTest {

    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|/work/|DESIGN\\.md|TAXONOMY\\.md|AWS-NOTES\\.md|olist-train");
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules");

    private static Path root() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("the repository root (template.yaml) is not above " + System.getProperty("user.dir"));
    }

    @Test
    void noFilePointsOutsideTheRepository() throws IOException {
        Path root = root();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(file -> Stream.of(root.relativize(file).toString().split("/")).noneMatch(SKIPPED::contains))
                    .filter(file -> !file.endsWith(Path.of("SelfContainedRepositoryTest.java")))
                    .filter(SelfContainedRepositoryTest::pointsOutside)
                    .map(file -> root.relativize(file).toString()).toList();
        }
        assertThat(offenders).as("files that name " + OUTSIDE.pattern()).isEmpty();
    }

    private static boolean pointsOutside(Path file) {
        try {
            return OUTSIDE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (MalformedInputException binary) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
