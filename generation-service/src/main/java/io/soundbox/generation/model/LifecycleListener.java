package io.soundbox.generation.model;

import io.soundbox.events.ModelId;

/** Told about lifecycle changes (metrics, logs); called on the thread that made the change, outside locks. */
public interface LifecycleListener {
    default void loaded(ModelId model, long elapsedMs) {
    }

    default void unloaded(ModelId model, String why) {
    }

    default void loadFailed(ModelId model, String why) {
    }

    LifecycleListener NONE = new LifecycleListener() {
    };
}
