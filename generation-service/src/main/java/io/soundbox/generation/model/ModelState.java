package io.soundbox.generation.model;

import java.util.Locale;

/** unloaded → loading → ready ⇄ generating, ready → unloading → unloaded. */
public enum ModelState {
    UNLOADED, LOADING, READY, GENERATING, UNLOADING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
