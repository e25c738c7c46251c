package io.soundbox.generation.engine;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.onnx.MagnetEngine;
import io.soundbox.generation.engine.onnx.ModelLayout;
import io.soundbox.generation.engine.onnx.MusicGenEngine;
import io.soundbox.generation.engine.onnx.NeuralSettings;
import io.soundbox.generation.engine.onnx.OrtSessions;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Chooses the engine of each model: {@code onnx} (an installed export under
 * {@code <models-dir>/<model>/}), {@code procedural} (the built-in synthesis), or {@code auto}, which
 * takes the export when all its files are there and the procedural engine otherwise, so a fresh install
 * works with no weights at all. Sessions are not opened here: neural engines load on first use or when
 * the model lifecycle preloads them.
 */
public final class EngineSelector {
    private static final Logger LOG = Logger.getLogger(EngineSelector.class.getName());

    public enum Choice { AUTO, ONNX, PROCEDURAL;

        public static Choice parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("engine choice must be auto, onnx or procedural, not '" + s + "'");
            }
        }
    }

    private final Path modelsDir;
    private final OrtSessions sessions;
    private final Function<ModelId, NeuralSettings> settings;

    public EngineSelector(Path modelsDir, OrtSessions sessions, Function<ModelId, NeuralSettings> settings) {
        this.modelsDir = modelsDir;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** The directory an operator installs {@code model}'s export into. */
    public Path dirOf(ModelId model) {
        return modelsDir.resolve(model.wireName());
    }

    public static ModelLayout layoutOf(ModelId model) {
        return model == ModelId.MAGNET_MUSIC || model == ModelId.MAGNET_AUDIO ? ModelLayout.MASKED
                : ModelLayout.AUTOREGRESSIVE;
    }

    /** @param choices per model; a model not listed is {@code auto} */
    public EngineCatalog select(Map<ModelId, Choice> choices) {
        Map<ModelId, AudioEngine> engines = new EnumMap<>(ModelId.class);
        AudioEngine music = new MusicEngine();
        AudioEngine sfx = new SfxEngine();
        for (ModelId model : ModelId.values()) {
            Choice choice = choices.getOrDefault(model, Choice.AUTO);
            Path dir = dirOf(model);
            ModelLayout layout = layoutOf(model);
            boolean installed = layout.isInstalledIn(dir);
            AudioEngine procedural = model.kind() == io.soundbox.events.AudioKind.MUSIC ? music : sfx;
            AudioEngine chosen;
            if (choice == Choice.PROCEDURAL || (choice == Choice.AUTO && !installed)) {
                chosen = procedural;
                if (choice == Choice.AUTO && java.nio.file.Files.isDirectory(dir)) {
                    LOG.warning(() -> "model " + model.wireName() + ": " + dir + " is incomplete (missing "
                            + String.join(", ", layout.missingFiles(dir)) + "); using " + procedural.name());
                }
            } else {
                // ONNX chosen explicitly: a missing file fails the start with the files named.
                layout.require(dir);
                chosen = neural(model, dir);
            }
            LOG.info(() -> "model " + model.wireName() + " -> " + chosen.name());
            engines.put(model, chosen);
        }
        return new EngineCatalog(engines);
    }

    private AudioEngine neural(ModelId model, Path dir) {
        NeuralSettings s = settings.apply(model);
        return switch (model) {
            case MUSIC -> new MusicGenEngine("musicgen", dir, sessions, s);
            case AUDIO -> new MusicGenEngine("audiogen", dir, sessions, s);
            case MAGNET_MUSIC -> new MagnetEngine("magnet-music", dir, sessions, s);
            case MAGNET_AUDIO -> new MagnetEngine("magnet-audio", dir, sessions, s);
        };
    }
}
