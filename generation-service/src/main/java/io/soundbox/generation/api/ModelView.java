package io.soundbox.generation.api;

import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelState;
import java.time.Instant;

/**
 * A served model as {@code GET /models} shows it (snake_case JSON).
 *
 * @param state        unloaded, loading, ready, generating or unloading
 * @param device       where it computes, {@code cpu} or {@code cuda}; null while a neural model is unloaded
 * @param weights      what the model loads (e.g. {@code musicgen-small})
 * @param memoryMb     memory it takes while loaded (0 for engines without weights)
 * @param lastLoadMs   how long its last load took
 * @param lastUsedAt   when a job last finished with it, null before
 */
public record ModelView(String id, String kind, String engine, String state, String device, int sampleRate,
                        String weights,
                        long memoryMb, int activeJobs, long loads, long lastLoadMs, Instant lastUsedAt) {

    static ModelView of(EngineCatalog.Entry e, ModelLifecycle.ModelStatus s) {
        return new ModelView(e.model().wireName(), e.model().kind().wireName(), e.engine().name(),
                (s == null ? ModelState.UNLOADED : s.state()).wireName(), e.engine().device().orElse(null),
                e.engine().sampleRate(),
                s == null ? null : s.name(), s == null ? 0 : s.memoryMb(), s == null ? 0 : s.activeJobs(),
                s == null ? 0 : s.loads(), s == null ? 0 : s.lastLoadMs(),
                s == null || s.lastUsedAtMs() == 0 ? null : Instant.ofEpochMilli(s.lastUsedAtMs()));
    }
}
