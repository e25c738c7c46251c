package io.soundbox.tts.phonemize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.testing.TestEspeak;
import org.junit.jupiter.api.Test;

/** Piper's bundled, patched espeak-ng through JNA: the phonemes Piper itself would feed its voices. */
class EspeakLibraryPhonemizerTest {
    private final Phonemizer espeak = TestEspeak.bundled();

    @Test
    void givesPipersPhonemesWithPunctuationSentenceBySentence() {
        assertThat(espeak.phonemize("Hello world. How are you?", "en-us"))
                .containsExactly("həlˈoʊ wˈɜːld.", "hˈaʊ ɑːɹ juː?");
    }

    @Test
    void keepsClausePunctuationFollowedByASpace() {
        assertThat(espeak.phonemize("Fine, thanks; yes!", "en-us")).containsExactly("fˈaɪn, θˈæŋks; jˈɛs!");
    }

    @Test
    void textWithoutFinalPunctuationEndsWithoutAMark() {
        assertThat(espeak.phonemize("The end", "en-us")).containsExactly("ðɪ ˈɛnd");
    }

    @Test
    void speaksOtherLanguagesByTheirEspeakVoice() {
        assertThat(espeak.phonemize("Guten Tag.", "de")).singleElement().asString().endsWith(".").contains("t");
    }

    @Test
    void anUnknownEspeakVoiceIsAClearError() {
        assertThatThrownBy(() -> espeak.phonemize("hello", "xx-no-such-voice"))
                .isInstanceOf(PhonemizerException.class).hasMessageContaining("xx-no-such-voice");
        // The failure does not poison the shared state for the next call.
        assertThat(espeak.phonemize("Hello world.", "en-us")).containsExactly("həlˈoʊ wˈɜːld.");
    }
}
