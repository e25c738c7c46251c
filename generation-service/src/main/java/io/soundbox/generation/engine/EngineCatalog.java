package io.soundbox.generation.engine;

import io.soundbox.events.ModelId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which engine serves which model. The walking skeleton has only procedural engines, which are always
 * ready; model lifecycle (loading, idle unload) arrives with the ONNX engines.
 */
public final class EngineCatalog {
    private final Map<ModelId, AudioEngine> engines;

    public EngineCatalog(Map<ModelId, AudioEngine> engines) {
        this.engines = new EnumMap<>(engines);
    }

    public Optional<AudioEngine> engineFor(ModelId model) {
        return Optional.ofNullable(engines.get(model));
    }

    /** One entry per served model, in the order of {@link ModelId}. */
    public List<Entry> entries() {
        return engines.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue(), State.READY)).toList();
    }

    public enum State { READY }

    public record Entry(ModelId model, AudioEngine engine, State state) {
    }
}
