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
 * @param isPublic  whether the owner asked for a public result (the request's flag); absent in statuses
 *                  written before this field existed, which were all public, so {@code null} reads as
 *                  {@code true}. Every gateway counts a user's unfinished private jobs from it.
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
        Instant updatedAt,
        Boolean isPublic) implements SoundboxEvent {

    public JobStatus {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(state, "state");
        isPublic = isPublic == null ? Boolean.TRUE : isPublic;
    }

    /** A status of a public job, as every job was before owners could keep generations private. */
    public JobStatus(int schemaVersion, String jobId, String userId, ModelId model, String prompt,
                     int durationSeconds, JobState state, double progress, int position, Integer etaSeconds,
                     String filename, String spectrogram, QualityReport quality, String error, int retryCount,
                     Instant updatedAt) {
        this(schemaVersion, jobId, userId, model, prompt, durationSeconds, state, progress, position, etaSeconds,
                filename, spectrogram, quality, error, retryCount, updatedAt, Boolean.TRUE);
    }

    @Override
    public String key() {
        return jobId;
    }

    /** The same job in another state; position is cleared once the job left the queue. */
    public JobStatus advance(JobState next, double newProgress, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds, next,
                newProgress, next == JobState.QUEUED ? position : 0, etaSeconds, filename, spectrogram,
                quality, error, retryCount, at, isPublic);
    }

    public JobStatus completed(String file, String spectrogramFile, QualityReport report, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds,
                JobState.COMPLETED, 1.0, 0, 0, file, spectrogramFile, report, null, retryCount, at, isPublic);
    }

    public JobStatus failed(String reason, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, jobId, userId, model, prompt, durationSeconds,
                JobState.FAILED, progress, 0, null, null, null, quality, reason, retryCount, at, isPublic);
    }

    public static JobStatus queued(GenerationRequested r, int position, Integer etaSeconds, Instant at) {
        return new JobStatus(SchemaVersion.CURRENT, r.jobId(), r.userId(), r.model(), r.prompt(),
                r.durationSeconds(), JobState.QUEUED, 0.0, position, etaSeconds, null, null, null, null, 0, at,
                r.isPublic());
    }
}
