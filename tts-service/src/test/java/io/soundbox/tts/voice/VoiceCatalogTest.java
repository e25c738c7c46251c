package io.soundbox.tts.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.tts.engine.EngineVoiceLoader;
import io.soundbox.tts.testing.TinyPiperVoices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceCatalogTest {

    @TempDir
    Path voices;

    @Test
    void listsEveryOnnxWithItsConfigAndTheBuiltInVoice() throws Exception {
        TinyPiperVoices.write(voices.resolve("en/en_US/tiny/low"), TinyPiperVoices.SINGLE, false);
        TinyPiperVoices.write(voices, TinyPiperVoices.MULTI, true);
        Files.writeString(voices.resolve("orphan.onnx"), "no config beside it");
        Files.writeString(voices.resolve("bad id!.onnx"), "x");
        Files.writeString(voices.resolve("bad id!.onnx.json"), "{}");
        Files.writeString(voices.resolve("broken.onnx"), "x");
        Files.writeString(voices.resolve("broken.onnx.json"), "{\"audio\": {}}");

        VoiceCatalog catalog = catalog();

        assertThat(catalog.list()).extracting(VoiceEntry::id)
                .containsExactly(TinyPiperVoices.SINGLE, TinyPiperVoices.MULTI, "kevin16");
        VoiceEntry multi = catalog.find(TinyPiperVoices.MULTI).orElseThrow();
        assertThat(multi.engine()).isEqualTo(VoiceEngineKind.PIPER);
        assertThat(multi.locale()).isEqualTo("en_US");
        assertThat(multi.quality()).isEqualTo("low");
        assertThat(multi.sampleRate()).isEqualTo(22050);
        assertThat(multi.name()).isEqualTo("Tinymulti (en_US, low)");
        assertThat(multi.speakers()).containsExactly("alice", "bob", "carol");
        assertThat(multi.speakerId("bob")).contains(1);
        assertThat(multi.speakerId("2")).contains(2);
        assertThat(multi.speakerId("3")).isEmpty();
        assertThat(multi.speakerId("dave")).isEmpty();
        VoiceEntry kevin = catalog.find("kevin16").orElseThrow();
        assertThat(kevin.needsWeights()).isFalse();
        assertThat(kevin.speakerId(null)).contains(0);
        assertThat(kevin.speakerId("1")).isEmpty();
    }

    @Test
    void voicesAddedLaterAppearAfterARefresh() throws Exception {
        VoiceCatalog catalog = catalog();
        assertThat(catalog.list()).extracting(VoiceEntry::id).containsExactly("kevin16");

        TinyPiperVoices.write(voices, TinyPiperVoices.SINGLE, false);
        catalog.invalidate();

        assertThat(catalog.find(TinyPiperVoices.SINGLE)).isPresent();
    }

    @Test
    void aMissingVoicesFolderLeavesTheBuiltInVoice() {
        VoiceCatalog catalog = new VoiceCatalog(voices.resolve("nope"), List.of(EngineVoiceLoader.kevin16("kevin16")),
                Duration.ofSeconds(5), Clock.systemUTC());

        assertThat(catalog.list()).extracting(VoiceEntry::id).containsExactly("kevin16");
    }

    private VoiceCatalog catalog() {
        return new VoiceCatalog(voices, List.of(EngineVoiceLoader.kevin16("kevin16")), Duration.ofSeconds(5),
                Clock.systemUTC());
    }
}
