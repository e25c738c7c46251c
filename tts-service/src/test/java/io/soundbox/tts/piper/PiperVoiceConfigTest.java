package io.soundbox.tts.piper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.tts.testing.TinyPiperVoices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiperVoiceConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatSynthesisNeedsFromAVoiceConfig() throws Exception {
        TinyPiperVoices.write(dir, "en_US-tinymulti-low", true);

        PiperVoiceConfig c = PiperVoiceConfig.read(dir.resolve("en_US-tinymulti-low.onnx.json"));

        assertThat(c.sampleRate()).isEqualTo(22050);
        assertThat(c.espeakVoice()).isEqualTo("en-us");
        assertThat(c.quality()).isEqualTo("low");
        assertThat(c.languageCode()).isEqualTo("en_US");
        assertThat(c.noiseScale()).isEqualTo(0.667f);
        assertThat(c.lengthScale()).isEqualTo(1f);
        assertThat(c.noiseW()).isEqualTo(0.8f);
        assertThat(c.numSpeakers()).isEqualTo(3);
        assertThat(c.speakers()).containsExactly("alice", "bob", "carol");
        assertThat(c.phonemeIdMap().get((int) 'ə')).containsExactly(59);
    }

    @Test
    void unnamedSpeakersAreNumbered() throws Exception {
        PiperVoiceConfig c = PiperVoiceConfig.parse(new ObjectMapper().readTree("""
                {"audio": {"sample_rate": 16000}, "espeak": {"voice": "de"}, "num_speakers": 2,
                 "phoneme_id_map": {"_": [0], "^": [1], "$": [2]}}
                """), "test");

        assertThat(c.speakers()).containsExactly("0", "1");
        assertThat(c.lengthScale()).isEqualTo(1f);
    }

    @Test
    void readsThePhonemeMapOfSingleCodePoints() throws Exception {
        PiperVoiceConfig c = PiperVoiceConfig.parse(new ObjectMapper().readTree("""
                {"espeak": {"voice": "pt-br"}, "phoneme_id_map": {"_": [0], "^": [1], "$": [2]},
                 "phoneme_map": {"ɐ": ["a"], "ɜ": ["ə", "ː"], "too-long": ["x"]}}
                """), "test");

        assertThat(c.phonemeMap()).containsOnlyKeys((int) 'ɐ', (int) 'ɜ');
        assertThat(c.phonemeMap().get((int) 'ɜ')).containsExactly('ə', 'ː');
        assertThat(PiperVoiceConfig.parse(new ObjectMapper().readTree("""
                {"espeak": {"voice": "en-us"}, "phoneme_id_map": {"_": [0], "^": [1], "$": [2]}}
                """), "test").phonemeMap()).isEmpty();
    }

    @Test
    void aConfigWithoutPhonemeMapOrEspeakVoiceIsRefused() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> PiperVoiceConfig.parse(json.readTree("{\"espeak\": {\"voice\": \"en-us\"}}"), "x"))
                .hasMessageContaining("phoneme_id_map");
        assertThatThrownBy(() -> PiperVoiceConfig.parse(json.readTree("{\"phoneme_id_map\": {\"_\": [0]}}"), "x"))
                .hasMessageContaining("espeak.voice");
    }
}
