package io.soundbox.backup.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.testsupport.TestJwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the service a fresh, empty data directory so the test sees what start-up creates, and a key
 * pair standing in for the gateway's ({@code keys/private.pem} signs the tests' internal tokens).
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("soundbox-backup-test-");
            new TestJwts().writePem(dir.resolve("keys"));
            return Map.of("soundbox.data-dir", dir.toString(),
                    "soundbox.internal-auth.public-key-path", dir.resolve("keys/public.pem").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Left for inspection; it is under the system temp directory.
    }
}
