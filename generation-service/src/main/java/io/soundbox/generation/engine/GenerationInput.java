package io.soundbox.generation.engine;

import java.util.Objects;

/**
 * What an engine needs to know about one job.
 *
 * @param seed same seed and prompt give the same audio
 * @param loop the end must run seamlessly into the start
 */
public record GenerationInput(String prompt, double durationSeconds, boolean loop, long seed) {
    public GenerationInput {
        Objects.requireNonNull(prompt, "prompt");
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("duration must be positive: " + durationSeconds);
        }
    }
}
