package io.soundbox.library;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.testsupport.TestJwts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Plays the gateway's part in internal authentication: writes a key pair, points
 * {@code soundbox.internal-auth.public-key-path} at the public half and hands the private half's path to
 * the tests ({@code library-test.internal-private-key}), which sign their tokens with it.
 */
public class InternalAuthResource implements QuarkusTestResourceLifecycleManager {
    public static final String PRIVATE_KEY_PROPERTY = "library-test.internal-private-key";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("library-internal-keys-");
            new TestJwts().writePem(dir);
            return Map.of("soundbox.internal-auth.public-key-path", dir.resolve("public.pem").toString(),
                    PRIVATE_KEY_PROPERTY, dir.resolve("private.pem").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
