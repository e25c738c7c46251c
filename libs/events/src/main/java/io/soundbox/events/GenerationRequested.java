package io.soundbox.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A user asked for audio. Published by the gateway once the request passed validation, auth and
 * limits; keyed by {@code jobId}. Re-delivery of the same job id must not generate twice.
 *
 * @param priority tier priority, 0 (admin) is served first, 4 (free) last
 * @param seed     sampling seed; {@code null} lets the engine choose one
 */
public record GenerationRequested(
        int schemaVersion,
        String jobId,
        String userId,
        String tier,
        int priority,
        ModelId model,
        String prompt,
        int durationSeconds,
        boolean loop,
        Long seed,
        Instant requestedAt) implements SoundboxEvent {

    public GenerationRequested {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
    }

    @Override
    public String key() {
        return jobId;
    }
}
