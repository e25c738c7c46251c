package io.soundbox.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A user asked for audio. Published by the gateway once the request passed validation, auth and
 * limits; keyed by {@code jobId}. Re-delivery of the same job id must not generate twice.
 *
 * @param priority tier priority, 0 (admin) is served first, 4 (free) last
 * @param seed     sampling seed; {@code null} lets the engine choose one
 * @param isPublic whether the owner wants the result in the shared library; absent in events written
 *                 before this field existed, which were all public, so {@code null} reads as {@code true}
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
        Instant requestedAt,
        Boolean isPublic) implements SoundboxEvent {

    public GenerationRequested {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        isPublic = isPublic == null ? Boolean.TRUE : isPublic;
    }

    /** A public request, as every request was before owners could keep generations private. */
    public GenerationRequested(int schemaVersion, String jobId, String userId, String tier, int priority,
                               ModelId model, String prompt, int durationSeconds, boolean loop, Long seed,
                               Instant requestedAt) {
        this(schemaVersion, jobId, userId, tier, priority, model, prompt, durationSeconds, loop, seed,
                requestedAt, Boolean.TRUE);
    }

    @Override
    public String key() {
        return jobId;
    }
}
