package io.soundbox.generation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Gives the application under test its own empty data directory (and so its own audio store). */
public class TempDataDirResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("soundbox-generation-test");
            return Map.of("soundbox.data-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Left for inspection after a failure; it is under the system temp directory.
    }
}
