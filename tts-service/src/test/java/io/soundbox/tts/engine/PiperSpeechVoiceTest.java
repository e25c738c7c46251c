package io.soundbox.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.phonemize.Phonemizer;
import io.soundbox.tts.piper.PhonemeIdMapper;
import io.soundbox.tts.piper.PiperModel;
import io.soundbox.tts.piper.PiperVoiceConfig;
import io.soundbox.tts.testing.TestEspeak;
import io.soundbox.tts.testing.TinyPiperVoices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated Piper-signature model, loaded from a voices folder, through the real phonemizer and ONNX Runtime. */
class PiperSpeechVoiceTest {
    private static final String TEXT = "Hello world. How are you?";
    private static final double SILENCE = 0.2;

    @TempDir
    Path voices;

    private final Phonemizer phonemizer = TestEspeak.bundled();

    @Test
    void singleSpeakerVoiceYieldsTheLengthTheModelImplies() throws Exception {
        try (PiperSpeechVoice voice = load(TinyPiperVoices.SINGLE, false)) {
            List<float[]> chunks = new ArrayList<>();
            voice.synthesize(TEXT, SynthesisOptions.defaults(), chunks::add);

            int[] idsPerSentence = idsPerSentence(TinyPiperVoices.SINGLE, false);
            assertThat(idsPerSentence).hasSize(2);
            int silence = (int) Math.round(SILENCE * TinyPiperVoices.SAMPLE_RATE);
            // sentence, silence, sentence
            assertThat(chunks).hasSize(3);
            assertThat(chunks.get(0)).hasSize(idsPerSentence[0] * TinyPiperVoices.SAMPLES_PER_ID);
            assertThat(chunks.get(1)).hasSize(silence).containsOnly(0f);
            assertThat(chunks.get(2)).hasSize(idsPerSentence[1] * TinyPiperVoices.SAMPLES_PER_ID);
            // Peak-normalised as Piper does, not silent.
            float peak = 0;
            for (float s : chunks.get(0)) {
                peak = Math.max(peak, Math.abs(s));
            }
            assertThat(peak).isBetween(0.9f, 1.0f);
            assertThat(voice.sampleRate()).isEqualTo(22050);
        }
    }

    @Test
    void speedDividesTheLengthScale() throws Exception {
        try (PiperSpeechVoice voice = load(TinyPiperVoices.SINGLE, false)) {
            int normal = total(voice, "Hello world.", new SynthesisOptions(0, 1.0, null));
            int fast = total(voice, "Hello world.", new SynthesisOptions(0, 2.0, null));

            assertThat(fast * 2).isEqualTo(normal);
        }
    }

    @Test
    void multiSpeakerVoicePassesTheSpeakerId() throws Exception {
        try (PiperSpeechVoice voice = load(TinyPiperVoices.MULTI, true)) {
            int ids = idsPerSentence(TinyPiperVoices.MULTI, true)[0];
            int perId = TinyPiperVoices.SAMPLES_PER_ID;

            // The tiny model repeats each id (sid + 1) times longer: proof that sid reached the model.
            assertThat(total(voice, "Hello world.", new SynthesisOptions(0, 1.0, null))).isEqualTo(ids * perId);
            assertThat(total(voice, "Hello world.", new SynthesisOptions(2, 1.0, null))).isEqualTo(ids * perId * 3);
        }
    }

    @Test
    void textPhonemeVoicesSpeakTheLowerCasedLetters() throws Exception {
        Path onnx = TinyPiperVoices.write(voices, "xx-letters-low", false);
        Path json = voices.resolve("xx-letters-low.onnx.json");
        java.nio.file.Files.writeString(json, java.nio.file.Files.readString(json)
                .replace("\"phoneme_type\": \"espeak\"", "\"phoneme_type\": \"text\""));
        PiperVoiceConfig config = PiperVoiceConfig.read(json);
        try (PiperSpeechVoice voice = new PiperSpeechVoice(config, PiperModel.load(onnx, 1), phonemizer, SILENCE)) {
            // "hello world." is 12 letters: ^ _ (letter _)x12 $ = 27 ids.
            assertThat(config.textPhonemes()).isTrue();
            assertThat(total(voice, "Hello World.", SynthesisOptions.defaults()))
                    .isEqualTo(27 * TinyPiperVoices.SAMPLES_PER_ID);
        }
    }

    @Test
    void textWithoutPronounceablePhonemesIsNothingToSpeak() throws Exception {
        try (PiperSpeechVoice voice = load(TinyPiperVoices.SINGLE, false)) {
            assertThatThrownBy(() -> voice.synthesize("...", SynthesisOptions.defaults(), c -> { }))
                    .isInstanceOf(NothingToSpeakException.class);
        }
    }

    @Test
    void aModelWithoutPipersInputsIsRefused() throws Exception {
        Path onnx = voices.resolve("not-piper.onnx");
        new io.soundbox.testsupport.onnx.OnnxModelWriter("x")
                .input("x", io.soundbox.testsupport.onnx.OnnxModelWriter.DataType.FLOAT, 1)
                .output("y", io.soundbox.testsupport.onnx.OnnxModelWriter.DataType.FLOAT, 1)
                .node("Relu", List.of("x"), List.of("y")).write(onnx);

        assertThatThrownBy(() -> PiperModel.load(onnx, 1)).hasMessageContaining("not a Piper model");
    }

    private PiperSpeechVoice load(String id, boolean multi) throws Exception {
        Path onnx = TinyPiperVoices.write(voices, id, multi);
        PiperVoiceConfig config = PiperVoiceConfig.read(voices.resolve(id + ".onnx.json"));
        return new PiperSpeechVoice(config, PiperModel.load(onnx, 1), phonemizer, SILENCE);
    }

    private int[] idsPerSentence(String id, boolean multi) throws Exception {
        PiperVoiceConfig config = PiperVoiceConfig.read(voices.resolve(id + ".onnx.json"));
        PhonemeIdMapper mapper = new PhonemeIdMapper(config.phonemeIdMap());
        return phonemizer.phonemize(TEXT, "en-us").stream().mapToInt(p -> mapper.toIds(p).ids().length).toArray();
    }

    private static int total(SpeechVoice voice, String text, SynthesisOptions options) {
        int[] n = new int[1];
        voice.synthesize(text, options, c -> n[0] += c.length);
        return n[0];
    }
}
