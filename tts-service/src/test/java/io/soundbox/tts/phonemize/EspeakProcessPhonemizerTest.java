package io.soundbox.tts.phonemize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.testing.SystemEspeak;
import org.junit.jupiter.api.Test;

/** The system's espeak-ng command (Debian package espeak-ng, installed by .ci/run) as the fallback. */
class EspeakProcessPhonemizerTest {
    private final EspeakProcessPhonemizer espeak = new EspeakProcessPhonemizer("espeak-ng");

    @Test
    @SystemEspeak
    void putsBackThePunctuationDebiansEspeakDrops() {
        assertThat(espeak.phonemize("Hello world. How are you?", "en-us"))
                .containsExactly("həlˈoʊ wˈɜːld.", "hˈaʊ ɑːɹ juː?");
        assertThat(espeak.phonemize("Fine, thanks", "en-us")).containsExactly("fˈaɪn, θˈæŋks");
    }

    @Test
    @SystemEspeak
    void anUnknownVoiceIsAClearError() {
        assertThatThrownBy(() -> espeak.phonemize("hello", "xx-no-such-voice"))
                .isInstanceOf(PhonemizerException.class).hasMessageContaining("xx-no-such-voice");
    }

    @Test
    void aMissingCommandIsReportedAsUnavailable() {
        assertThat(EspeakProcessPhonemizer.available("/nonexistent/espeak-ng")).isFalse();
        assertThatThrownBy(() -> new EspeakProcessPhonemizer("/nonexistent/espeak-ng").phonemize("hi", "en-us"))
                .isInstanceOf(PhonemizerException.class).hasMessageContaining("cannot run");
    }
}
