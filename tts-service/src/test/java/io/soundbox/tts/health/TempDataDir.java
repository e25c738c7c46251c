package io.soundbox.tts.health;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.testsupport.TestJwts;
import io.soundbox.tts.testing.TinyPiperVoices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the service a fresh data directory holding what an installed stack has: two tiny Piper voices
 * under {@code voices/} and the gateway's key pair under {@code keys/} (the private half only for tests
 * to sign internal tokens with). The audio store is left for start-up to create.
 */
public class TempDataDir implements QuarkusTestResourceLifecycleManager {
    public static final String TEST_PRIVATE_KEY = "keys/test-gateway-private.pem";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("soundbox-tts-test-");
            TinyPiperVoices.writeAll(dir.resolve("voices"));
            TestJwts keys = new TestJwts();
            Files.createDirectories(dir.resolve("keys"));
            Files.writeString(dir.resolve("keys/gateway-public.pem"),
                    TestJwts.pem("PUBLIC KEY", keys.publicKey().getEncoded()));
            Files.writeString(dir.resolve(TEST_PRIVATE_KEY), TestJwts.pem("PRIVATE KEY", keys.privateKey().getEncoded()));
            return Map.of("soundbox.data-dir", dir.toString(),
                    // Shared with the other test classes' JVM: unpack the bundled espeak-ng once per build.
                    "soundbox.tts.espeak-cache-dir", Path.of("target", "espeak-ng-cache").toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Left for inspection; it is under the system temp directory.
    }
}
