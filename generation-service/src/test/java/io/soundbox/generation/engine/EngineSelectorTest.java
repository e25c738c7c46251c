package io.soundbox.generation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.onnx.ModelInstallException;
import io.soundbox.generation.engine.onnx.MusicGenEngine;
import io.soundbox.generation.engine.onnx.MagnetEngine;
import io.soundbox.generation.engine.onnx.NeuralSettings;
import io.soundbox.generation.engine.onnx.OrtSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSelectorTest {
    @TempDir
    Path models;

    private EngineSelector selector() {
        return new EngineSelector(models, new OrtSessions(false, 1), m -> NeuralSettings.musicDefaults());
    }

    private void install(ModelId model, String decoder) throws Exception {
        Path dir = models.resolve(model.wireName());
        Files.createDirectories(dir.resolve("onnx"));
        for (String f : new String[] {"text_encoder.onnx", decoder, "encodec_decode.onnx"}) {
            Files.write(dir.resolve("onnx").resolve(f), new byte[] {1});
        }
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
    }

    @Test
    void proceduralEnginesServeEverythingWhenNothingIsInstalled() {
        EngineCatalog catalog = selector().select(Map.of());
        assertThat(catalog.engineFor(ModelId.MUSIC).orElseThrow().name()).isEqualTo("procedural-music");
        assertThat(catalog.engineFor(ModelId.AUDIO).orElseThrow().name()).isEqualTo("procedural-sfx");
        assertThat(catalog.engineFor(ModelId.MAGNET_AUDIO).orElseThrow().name()).isEqualTo("procedural-sfx");
    }

    @Test
    void installedExportsAreChosenPerModelWithoutLoadingThem() throws Exception {
        install(ModelId.MUSIC, "decoder_model_merged.onnx");
        install(ModelId.MAGNET_MUSIC, "decoder_model.onnx");
        // An incomplete install (no decoder) falls back under auto.
        Files.createDirectories(models.resolve("audio"));
        EngineCatalog catalog = selector().select(Map.of());
        assertThat(catalog.engineFor(ModelId.MUSIC).orElseThrow()).isInstanceOf(MusicGenEngine.class);
        assertThat(catalog.engineFor(ModelId.MAGNET_MUSIC).orElseThrow()).isInstanceOf(MagnetEngine.class);
        assertThat(catalog.engineFor(ModelId.AUDIO).orElseThrow().name()).isEqualTo("procedural-sfx");
        assertThat(((MusicGenEngine) catalog.engineFor(ModelId.MUSIC).orElseThrow()).isLoaded()).isFalse();
        assertThat(catalog.engineFor(ModelId.MUSIC).orElseThrow().memoryBytes()).isPositive();
    }

    @Test
    void configurationOverridesWhatIsInstalled() throws Exception {
        install(ModelId.MUSIC, "decoder_model_merged.onnx");
        EngineCatalog catalog = selector().select(Map.of(ModelId.MUSIC, EngineSelector.Choice.PROCEDURAL));
        assertThat(catalog.engineFor(ModelId.MUSIC).orElseThrow().name()).isEqualTo("procedural-music");

        assertThatThrownBy(() -> selector().select(Map.of(ModelId.AUDIO, EngineSelector.Choice.ONNX)))
                .isInstanceOf(ModelInstallException.class).hasMessageContaining("tokenizer.json")
                .hasMessageContaining("decoder_model_merged.onnx");
        assertThatThrownBy(() -> EngineSelector.Choice.parse("cuda")).hasMessageContaining("auto, onnx or procedural");
    }
}
