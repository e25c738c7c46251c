package io.soundbox.generation.job;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.EngineCatalog;
import java.util.Map;

/**
 * The longest clip accepted per model, for every tier: the configured maximum (per model, else the
 * global one), and never more than the engine serving the model makes in one call (a neural engine's
 * context). Requests over it end {@code failed} with the maximum in the reason, before they queue.
 */
public final class DurationLimits {
    private final int globalMax;
    private final Map<ModelId, Integer> perModel;
    private final EngineCatalog engines;

    public DurationLimits(int globalMax, Map<ModelId, Integer> perModel, EngineCatalog engines) {
        if (globalMax < 1 || perModel.values().stream().anyMatch(m -> m < 1)) {
            throw new IllegalArgumentException("maximum durations must be at least 1 second");
        }
        this.globalMax = globalMax;
        this.perModel = Map.copyOf(perModel);
        this.engines = engines;
    }

    public int maxFor(ModelId model) {
        int configured = Math.min(globalMax, perModel.getOrDefault(model, globalMax));
        int engine = engines.engineFor(model).map(AudioEngine::maxDurationSeconds).orElse(Integer.MAX_VALUE);
        return Math.min(configured, engine);
    }
}
