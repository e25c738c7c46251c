package io.soundbox.tts.testing;

import io.soundbox.tts.phonemize.EspeakProcessPhonemizer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test of the optional system espeak-ng command (Debian's {@code espeak-ng} package). Where the
 * command is missing the test is skipped with a reason that says so, so {@code ./mvnw verify} passes on a
 * machine with Java alone; where {@code SOUNDBOX_REQUIRE_SYSTEM_ESPEAK=true} (CI sets it, after installing
 * the package) a missing command fails the test instead, so CI can never pass by skipping it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemEspeak.Condition.class)
public @interface SystemEspeak {
    String COMMAND = "espeak-ng";
    String REQUIRE_ENV = "SOUNDBOX_REQUIRE_SYSTEM_ESPEAK";

    final class Condition implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            if (EspeakProcessPhonemizer.available(COMMAND)) {
                return;
            }
            if (Boolean.parseBoolean(System.getenv(REQUIRE_ENV))) {
                throw new IllegalStateException(REQUIRE_ENV + "=true but the espeak-ng command is not on the PATH"
                        + " (apt-get install espeak-ng)");
            }
            Assumptions.abort("espeak-ng is not installed, so the system espeak-ng fallback is not tested here"
                    + " (apt-get install espeak-ng to run it; CI does)");
        }
    }
}
