package io.soundbox.generation.config;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.onnx.NeuralEngine;
import io.soundbox.generation.model.ModelLoader;

/**
 * Loads and unloads what the engines hold: a neural engine opens its ONNX sessions on load and releases
 * them on unload (it would also open them lazily on first use); procedural engines hold nothing. An
 * engine serving two model ids is only released when neither is loaded (the lifecycle tracks per id).
 */
final class EngineModelLoader implements ModelLoader {
    private final EngineCatalog engines;
    private final java.util.function.Predicate<ModelId> loaded;

    /** @param loaded whether the lifecycle has a model id in memory (checked before releasing a shared engine) */
    EngineModelLoader(EngineCatalog engines, java.util.function.Predicate<ModelId> loaded) {
        this.engines = engines;
        this.loaded = loaded;
    }

    @Override
    public void load(ModelId model) {
        engines.engineFor(model).ifPresent(e -> {
            if (e instanceof NeuralEngine neural) {
                neural.load();
            }
        });
    }

    @Override
    public void unload(ModelId model) {
        AudioEngine engine = engines.engineFor(model).orElse(null);
        if (!(engine instanceof NeuralEngine neural)) {
            return;
        }
        for (EngineCatalog.Entry other : engines.entries()) {
            if (other.model() != model && other.engine() == engine && loaded.test(other.model())) {
                return; // still in use under its other id
            }
        }
        neural.close();
    }
}
