package io.soundbox.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The voice that needs no weights: FreeTTS kevin16, pure Java. */
class FreeTtsSpeechVoiceTest {
    static final String SENTENCE_200 = "The quick brown fox jumps over the lazy dog while the orchestra tunes its "
            + "instruments, and everyone in the hall waits quietly for the first notes of the evening's long "
            + "awaited symphony to begin today.";

    private static FreeTtsSpeechVoice voice;

    @BeforeAll
    static void load() {
        voice = FreeTtsSpeechVoice.load();
    }

    @AfterAll
    static void close() {
        voice.close();
    }

    @Test
    void speaksAnIntelligibleLengthForTheText() {
        assertThat(SENTENCE_200).hasSize(200);
        float[] audio = speak(SENTENCE_200, 1.0);
        double seconds = audio.length / (double) voice.sampleRate();

        // Ordinary speech runs about 12-15 characters a second; accept 6-30 (33-165 ms per character).
        assertThat(seconds / SENTENCE_200.length()).isBetween(0.033, 0.165);
        assertThat(rms(audio)).isGreaterThan(0.02);
        assertThat(voice.sampleRate()).isEqualTo(16_000);
    }

    @Test
    void longerTextTakesLongerAndSpeedShortensIt() {
        int shortText = speak("Hello there.", 1.0).length;
        int longText = speak("Hello there. This sentence is a good deal longer than the first one.", 1.0).length;
        int fast = speak("Hello there. This sentence is a good deal longer than the first one.", 2.0).length;

        assertThat(longText).isGreaterThan(shortText * 3);
        assertThat(fast).isLessThan((int) (longText * 0.8));
    }

    @Test
    void punctuationAloneIsNothingToSpeak() {
        assertThatThrownBy(() -> voice.synthesize("", SynthesisOptions.defaults(), c -> { }))
                .isInstanceOf(NothingToSpeakException.class);
    }

    private static float[] speak(String text, double speed) {
        List<float[]> chunks = new ArrayList<>();
        voice.synthesize(text, new SynthesisOptions(0, speed, null), chunks::add);
        int n = chunks.stream().mapToInt(c -> c.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }

    private static double rms(float[] a) {
        double sum = 0;
        for (float s : a) {
            sum += s * s;
        }
        return Math.sqrt(sum / Math.max(1, a.length));
    }
}
