package io.soundbox.gateway.jobs;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.QualityReport;

/**
 * The body of {@code GET /job/{id}}: the original's fields ({@code id, status, progress, progress_pct,
 * filename, spectrogram, quality, error, position, retry_count, skip}) plus ours. {@code progress} and
 * {@code progress_pct} are both the overall 0-100 percentage; {@code skip} says whether the owner paid
 * Aura to move the job ahead.
 */
public record JobView(
        String id,
        String jobId,
        String status,
        int progress,
        int progressPct,
        int position,
        Integer etaS,
        String filename,
        String audioUrl,
        String spectrogram,
        String spectrogramUrl,
        QualityReport quality,
        String error,
        int retryCount,
        String model,
        String prompt,
        int duration,
        boolean skip) {

    public static JobView of(JobStatus s) {
        int pct = overallPercent(s.state(), s.progress());
        boolean done = s.state() == JobState.COMPLETED;
        return new JobView(s.jobId(), s.jobId(), s.state().wireName(), pct, pct,
                s.state() == JobState.QUEUED ? s.position() : 0, s.etaSeconds(), s.filename(),
                done && s.filename() != null ? "/audio/" + s.filename() : null,
                s.spectrogram(), s.spectrogram() != null ? "/spectrogram/" + s.spectrogram() : null,
                s.quality(), s.error(), s.retryCount(), s.model() == null ? null : s.model().wireName(),
                s.prompt(), s.durationSeconds(), false);
    }

    /** The same view with other file URLs (signed ones for the owner). */
    public JobView withUrls(String audio, String spectrogramLink) {
        return new JobView(id, jobId, status, progress, progressPct, position, etaS, filename, audio, spectrogram,
                spectrogramLink, quality, error, retryCount, model, prompt, duration, skip);
    }

    /** The same view saying whether the job skipped the queue. */
    public JobView withSkip(boolean skipped) {
        return new JobView(id, jobId, status, progress, progressPct, position, etaS, filename, audioUrl, spectrogram,
                spectrogramUrl, quality, error, retryCount, model, prompt, duration, skipped);
    }

    /**
     * Maps the per-state progress of the event (0.0-1.0 within the current state) to one bar for the
     * whole job: loading 0-10 %, generating 10-90 %, analysing 90-99 %, completed 100 %.
     */
    static int overallPercent(JobState state, double withinState) {
        double p = Double.isNaN(withinState) ? 0 : Math.max(0, Math.min(1, withinState));
        double overall = switch (state) {
            case QUEUED -> 0;
            case LOADING -> 10 * p;
            case GENERATING -> 10 + 80 * p;
            case ANALYZING -> 90 + 9 * p;
            case COMPLETED -> 100;
            case FAILED, CANCELLED -> 0;
        };
        return (int) Math.floor(overall);
    }
}
