package io.soundbox.generation.job;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.store.AudioStore;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one admitted job to a final state and announces it: {@code generating} with progress, then
 * {@code completed} and {@code audio.created}, or {@code failed}. Safe to call again for the same job:
 * a stored file or a remembered final status is re-announced instead of generated twice. Called by one
 * worker thread per job; a scheduler decides which job runs next.
 */
public final class JobRunner {
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    /** Progress is published in steps of 20 %: enough for a progress bar, few records per job. */
    private static final double PROGRESS_STEP = 0.2;
    private static final long MAX_BACKOFF_MS = 30_000;

    private final EngineCatalog engines;
    private final AudioStore store;
    private final JobEvents events;
    private final FinishedJobs finished;
    private final Clock clock;

    public JobRunner(EngineCatalog engines, AudioStore store, JobEvents events, FinishedJobs finished, Clock clock) {
        this.engines = engines;
        this.store = store;
        this.events = events;
        this.finished = finished;
        this.clock = clock;
    }

    /** Best effort: a lost queued status is corrected by the next status of the job. */
    public void announceQueued(GenerationRequested request, int position) {
        publishQuietly(JobStatus.queued(request, position, null, clock.instant()));
    }

    /** Announces the job's result again if it already has one; empty when it still has to run. */
    public Optional<JobOutcome> replayIfFinished(GenerationRequested request, CancellationCheck stop) {
        try {
            return replay(request, stop);
        } catch (Aborted e) {
            return Optional.of(JobOutcome.ABORTED);
        }
    }

    private Optional<JobOutcome> replay(GenerationRequested request, CancellationCheck stop) {
        String id = request.jobId();
        try {
            if (AudioStore.isSafeId(id) && store.contains(id)) {
                return Optional.of(announceCompleted(request, stop));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "stored audio of job " + id + " is unreadable; generating it again", e);
            return Optional.empty();
        }
        Optional<JobStatus> known = finished.get(id);
        if (known.isPresent()) {
            publishFinal(known.get(), stop);
            return Optional.of(known.get().state() == JobState.COMPLETED ? JobOutcome.COMPLETED : JobOutcome.FAILED);
        }
        return Optional.empty();
    }

    /** Announces a request that cannot run (bad id, duration or model) as failed, with the reason. */
    public JobOutcome reject(GenerationRequested request, String reason, CancellationCheck stop) {
        JobStatus failed = JobStatus.queued(request, 0, null, clock.instant()).failed(reason, clock.instant());
        try {
            publishFinal(failed, stop);
            return JobOutcome.FAILED;
        } catch (Aborted e) {
            return JobOutcome.ABORTED;
        }
    }

    /** Announces a record that is not a readable request as a failed job under its record key. */
    public JobOutcome rejectMalformed(String jobId, String reason, CancellationCheck stop) {
        JobStatus failed = new JobStatus(SchemaVersion.CURRENT, jobId, null, null, null, 0, JobState.FAILED, 0, 0,
                null, null, null, null, reason, 0, clock.instant());
        try {
            publishFinal(failed, stop);
            return JobOutcome.FAILED;
        } catch (Aborted e) {
            return JobOutcome.ABORTED;
        }
    }

    /**
     * Generates, stores and announces the job. Never throws for a job's own failure (that becomes a
     * {@code failed} status); returns {@link JobOutcome#ABORTED} when {@code stop} interrupted it.
     */
    public JobOutcome run(GenerationRequested request, CancellationCheck stop) {
        try {
            Optional<JobOutcome> replayed = replay(request, stop);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            if (stop.isCancelled()) {
                return JobOutcome.ABORTED;
            }
            JobStatus generating = JobStatus.queued(request, 0, null, clock.instant())
                    .advance(JobState.GENERATING, 0.0, clock.instant());
            publishQuietly(generating);
            try {
                AudioEngine engine = engines.engineFor(request.model()).orElseThrow(
                        () -> new IllegalStateException("no engine serves model " + request.model().wireName()));
                PcmBuffer pcm = engine.generate(inputOf(request), new ProgressSteps(generating), stop);
                store.save(request.jobId(), pcm);
            } catch (GenerationCancelledException e) {
                return JobOutcome.ABORTED;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "job " + request.jobId() + " failed", e);
                JobStatus failed = generating.failed("generation failed: " + e.getMessage(), clock.instant());
                publishFinal(failed, stop);
                finished.remember(failed);
                return JobOutcome.FAILED;
            }
            return announceCompleted(request, stop);
        } catch (Aborted | IOException e) {
            if (e instanceof IOException) {
                LOG.log(Level.WARNING, "job " + request.jobId() + ": stored file unreadable right after writing", e);
            }
            return JobOutcome.ABORTED;
        }
    }

    private JobOutcome announceCompleted(GenerationRequested request, CancellationCheck stop) throws IOException {
        AudioStore.StoredAudio audio = store.describe(request.jobId());
        JobStatus completed = JobStatus.queued(request, 0, null, clock.instant())
                .completed(audio.filename(), null, null, clock.instant());
        publishFinal(completed, stop);
        publishFinal(new AudioCreated(SchemaVersion.CURRENT, request.jobId(), request.jobId(), audio.filename(),
                request.model().kind(), request.model().wireName(), request.prompt(), audio.durationSeconds(),
                audio.sampleRate(), request.userId(), true, null, null, null, request.loop(), List.of(),
                audio.createdAt()), stop);
        finished.remember(completed);
        return JobOutcome.COMPLETED;
    }

    static GenerationInput inputOf(GenerationRequested request) {
        long seed = request.seed() != null ? request.seed() : seedOf(request.jobId());
        return new GenerationInput(request.prompt(), request.durationSeconds(), request.loop(), seed);
    }

    /** A stable seed from the job id (64-bit FNV-1a), so a re-run of the same job sounds the same. */
    static long seedOf(String jobId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < jobId.length(); i++) {
            h ^= jobId.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private void publishQuietly(JobStatus status) {
        try {
            events.publish(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish " + status.state().wireName() + " of job " + status.jobId(), e);
        }
    }

    /**
     * A final event must get out before the request is acknowledged: retry with backoff (the producer
     * already retried for its delivery timeout) until it is delivered or the service stops.
     */
    private void publishFinal(Object event, CancellationCheck stop) {
        long backoff = 500;
        while (true) {
            try {
                if (event instanceof JobStatus s) {
                    events.publish(s);
                } else {
                    events.publish((AudioCreated) event);
                }
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not publish " + event.getClass().getSimpleName() + ", retrying in "
                        + backoff + " ms", e);
                if (stop.isCancelled()) {
                    throw new Aborted();
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Aborted();
                }
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    /** Publishes {@code generating} each time progress crosses the next step. */
    private final class ProgressSteps implements ProgressListener {
        private final JobStatus generating;
        private double next = PROGRESS_STEP;

        ProgressSteps(JobStatus generating) {
            this.generating = generating;
        }

        @Override
        public void onProgress(double fraction) {
            if (fraction >= next && fraction < 1.0) {
                publishQuietly(generating.advance(JobState.GENERATING, Math.floor(fraction * 100) / 100, clock.instant()));
                while (next <= fraction) {
                    next += PROGRESS_STEP;
                }
            }
        }
    }

    /** The service is stopping while a final event could not be published; Kafka re-delivers the job. */
    private static final class Aborted extends RuntimeException {
        Aborted() {
            super(null, null, false, false);
        }
    }
}
