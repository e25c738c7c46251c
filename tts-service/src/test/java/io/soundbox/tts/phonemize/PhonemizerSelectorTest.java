package io.soundbox.tts.phonemize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.testing.SystemEspeak;
import io.soundbox.tts.testing.TestEspeak;
import org.junit.jupiter.api.Test;

class PhonemizerSelectorTest {

    @Test
    void autoPrefersPipersBundledEspeak() {
        Phonemizer p = new PhonemizerSelector("auto", TestEspeak.CACHE, "/nonexistent/espeak-ng").get();

        assertThat(p).isInstanceOf(EspeakLibraryPhonemizer.class);
    }

    @Test
    @SystemEspeak
    void commandModeUsesTheSystemCommand() {
        assertThat(new PhonemizerSelector("command", TestEspeak.CACHE, "espeak-ng").get())
                .isInstanceOf(EspeakProcessPhonemizer.class);
    }

    @Test
    void commandModeSaysSoWhenTheCommandIsMissing() {
        assertThatThrownBy(() -> new PhonemizerSelector("command", TestEspeak.CACHE, "/nonexistent/espeak-ng").get())
                .isInstanceOf(PhonemizerException.class).hasMessageContaining("install the espeak-ng package");
    }

    @Test
    void anUnknownModeIsAConfigurationError() {
        assertThatThrownBy(() -> new PhonemizerSelector("festival", TestEspeak.CACHE, "espeak-ng"))
                .hasMessageContaining("auto, bundled or command");
    }
}
