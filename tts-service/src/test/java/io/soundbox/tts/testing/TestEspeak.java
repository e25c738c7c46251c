package io.soundbox.tts.testing;

import io.soundbox.tts.phonemize.EspeakLibraryPhonemizer;
import java.nio.file.Path;

/** The bundled espeak-ng, unpacked once per build under target/. */
public final class TestEspeak {
    public static final Path CACHE = Path.of("target", "espeak-ng-cache").toAbsolutePath();

    private TestEspeak() {
    }

    public static EspeakLibraryPhonemizer bundled() {
        return EspeakLibraryPhonemizer.load(CACHE);
    }
}
