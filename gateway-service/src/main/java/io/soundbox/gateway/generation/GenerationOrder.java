package io.soundbox.gateway.generation;

import io.soundbox.events.ModelId;

/** A validated generation request body. */
public record GenerationOrder(String prompt, ModelId model, int durationSeconds, boolean loop) {
}
