package io.soundbox.library;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Points {@code soundbox.data-dir} at a directory whose parent does not exist yet, as on a fresh machine
 * where ./data was never created: the service must create the database's directories itself.
 */
public class FreshDataDirResource implements QuarkusTestResourceLifecycleManager {
    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("library-service-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dataDir = root.resolve("fresh-machine").resolve("data");
        if (Files.exists(dataDir.getParent())) {
            throw new IllegalStateException("the data directory's parent must not exist yet");
        }
        return Map.of("soundbox.data-dir", dataDir.toString());
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
