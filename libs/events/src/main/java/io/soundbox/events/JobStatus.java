package io.soundbox.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest known state of a job. The topic is compacted per job id, so the last record of a job is
 * all a reader needs; every record therefore carries the whole state, not a delta.
 *
 * @param progress  0.0 to 1.0 within the current state
 * @param position  1-based place in the queue while queued, otherwise 0
 * @param etaSeconds estimated seconds until completion, or {@code null} when unknown
 */
public record JobStatus(
        int schemaVersion,
        String jobId,
        String userId,
        ModelId model,
        String prompt,
        int durationSeconds,
        JobState state,
        double progress,
        int position,
        Integer etaSeconds,
        String filename,
        String spectrogram,
        QualityReport quality,
        String error,
        int retryCount,
        Instant updatedAt) implements SoundboxEvent {

    public JobStatus {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String key() {
        return jobId;
    }

    /** The same job in another state; position is cleared once the job left the queue. */
    public JobStatus advance(JobState next, double newProgress, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds, next,
                newProgress, next == JobState.QUEUED ? position : 0, etaSeconds, filename, spectrogram,
                quality, error, retryCount, at);
    }

    public JobStatus completed(String file, String spectrogramFile, QualityReport report, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds,
                JobState.COMPLETED, 1.0, 0, 0, file, spectrogramFile, report, null, retryCount, at);
    }

    public JobStatus failed(String reason, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds,
                JobState.FAILED, progress, 0, null, null, null, quality, reason, retryCount, at);
    }

    public static JobStatus queued(GenerationRequested r, int position, Integer etaSeconds, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, r.jobId(), r.userId(), r.model(), r.prompt(),
                r.durationSeconds(), JobState.QUEUED, 0.0, position, etaSeconds, null, null, null, null, 0, at);
    }
}
