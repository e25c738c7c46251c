package io.soundbox.gateway.generation;

import io.soundbox.events.ModelId;

/**
 * A validated generation request body. {@code isPublic}: whether the owner wants the result in the
 * shared library (it still needs moderation's approval); private results count against the tier's
 * private storage.
 */
public record GenerationOrder(String prompt, ModelId model, int durationSeconds, boolean loop, boolean isPublic) {
    /** A public order, as every order was before owners could keep generations private. */
    public GenerationOrder(String prompt, ModelId model, int durationSeconds, boolean loop) {
        this(prompt, model, durationSeconds, loop, true);
    }
}
