package io.soundbox.generation.job;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.quality.QualityAnalysis;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.QualityReport;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.quality.ClipWriter;
import io.soundbox.generation.quality.QualityRetry;
import io.soundbox.generation.store.AudioStore;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    /** Runs of one job that may end with their process before the job is failed instead of run again. */
    static final int MAX_RUNS_PER_JOB = 3;

    private final EngineCatalog engines;
    private final AudioStore store;
    private final JobEvents events;
    private final FinishedJobs finished;
    private final Clock clock;
    private final QualityRetry quality;
    private final ClipWriter clips;
    /** Jobs running here by id; bounded by the workers and their batches. */
    private final Map<String, Running> running = new java.util.concurrent.ConcurrentHashMap<>();

    public JobRunner(EngineCatalog engines, AudioStore store, JobEvents events, FinishedJobs finished, Clock clock) {
        this(engines, store, events, finished, clock, new QualityRetry(new QualityAnalyzer(), 3, 50),
                ClipWriter.defaults(store));
    }

    /**
     * @param quality analysis and retries with new seeds (the {@code analyzing} state)
     * @param clips   loudness normalisation, spectrogram and the stored WAV
     */
    public JobRunner(EngineCatalog engines, AudioStore store, JobEvents events, FinishedJobs finished, Clock clock,
                     QualityRetry quality, ClipWriter clips) {
        this.quality = quality;
        this.clips = clips;
        this.engines = engines;
        this.store = store;
        this.events = events;
        this.finished = finished;
        this.clock = clock;
    }

    /** Best effort: a lost queued status is corrected by the next status of the job. */
    public void announceQueued(GenerationRequested request, int position) {
        announceQueued(request, position, null);
    }

    /** Best effort, like {@link #announceQueued(GenerationRequested, int)}, with the estimated seconds to completion. */
    public void announceQueued(GenerationRequested request, int position, Integer etaSeconds) {
        publishQuietly(JobStatus.queued(request, position, etaSeconds, clock.instant()));
    }

    /** Best effort: the job's model is being loaded before it can run. */
    public void announceLoading(GenerationRequested request, Integer etaSeconds) {
        publishQuietly(JobStatus.queued(request, 0, etaSeconds, clock.instant())
                .advance(JobState.LOADING, 0.0, clock.instant()));
    }

    /** Announces a job stopped by its owner (final; remembered so a re-delivery does not run it again). */
    public JobOutcome announceCancelled(GenerationRequested request, CancellationCheck stop) {
        JobStatus cancelled = JobStatus.queued(request, 0, null, clock.instant())
                .advance(JobState.CANCELLED, 0.0, clock.instant());
        try {
            publishFinal(cancelled, stop);
            finished.remember(cancelled);
            return JobOutcome.CANCELLED;
        } catch (Aborted e) {
            return JobOutcome.ABORTED;
        }
    }

    /** Announces a job that cannot run here (its model could not be loaded, a limit) as failed. */
    public JobOutcome fail(GenerationRequested request, String reason, CancellationCheck stop) {
        return reject(request, reason, stop);
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
            return Optional.of(switch (known.get().state()) {
                case COMPLETED -> JobOutcome.COMPLETED;
                case CANCELLED -> JobOutcome.CANCELLED;
                default -> JobOutcome.FAILED;
            });
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
        return run(request, stop, null);
    }

    /**
     * Runs same-model jobs with one engine call when the engine batches (one call, several outputs), one
     * by one otherwise; each job then finishes as in {@link #run}. The engine call stops only when every
     * job of the batch is stopped; a job stopped meanwhile gets {@link JobOutcome#ABORTED} and no output.
     *
     * @param stops the stop check of each job, by job id
     * @return the outcome per job id, in the order of {@code requests}
     */
    public Map<String, JobOutcome> runBatch(List<GenerationRequested> requests,
                                            Function<String, CancellationCheck> stops) {
        Map<String, JobOutcome> out = new LinkedHashMap<>();
        List<GenerationRequested> toRun = new ArrayList<>();
        for (GenerationRequested r : requests) {
            CancellationCheck stop = stops.apply(r.jobId());
            Optional<JobOutcome> replayed = replayIfFinished(r, stop);
            if (replayed.isPresent()) {
                out.put(r.jobId(), replayed.get());
            } else if (stop.isCancelled()) {
                out.put(r.jobId(), JobOutcome.ABORTED);
            } else {
                toRun.add(r);
            }
        }
        Optional<AudioEngine> engine = toRun.isEmpty() ? Optional.empty() : engines.engineFor(toRun.get(0).model());
        if (toRun.size() < 2 || engine.isEmpty() || !engine.get().supportsBatching()
                || toRun.stream().anyMatch(r -> r.model() != toRun.get(0).model())) {
            toRun.forEach(r -> out.put(r.jobId(), run(r, stops.apply(r.jobId()))));
            return out;
        }
        List<ProgressSteps> steps = new ArrayList<>();
        for (GenerationRequested r : toRun) {
            JobStatus generating = JobStatus.queued(r, 0, null, clock.instant())
                    .advance(JobState.GENERATING, 0.0, clock.instant());
            publishQuietly(generating);
            steps.add(new ProgressSteps(generating));
        }
        CancellationCheck allStopped = () -> toRun.stream().allMatch(r -> stops.apply(r.jobId()).isCancelled());
        List<PcmBuffer> pcms;
        try {
            pcms = engine.get().generateBatch(toRun.stream().map(JobRunner::inputOf).toList(),
                    f -> steps.forEach(s -> s.onProgress(f)), allStopped);
        } catch (GenerationCancelledException e) {
            toRun.forEach(r -> out.put(r.jobId(), JobOutcome.ABORTED));
            return out;
        } catch (RuntimeException e) {
            // One bad input must not fail its batch mates: each job gets its own call and its own result.
            LOG.log(Level.WARNING, "batch of " + toRun.size() + " failed; running its jobs one by one", e);
            toRun.forEach(r -> out.put(r.jobId(), run(r, stops.apply(r.jobId()))));
            return out;
        }
        for (int i = 0; i < toRun.size(); i++) {
            GenerationRequested r = toRun.get(i);
            CancellationCheck stop = stops.apply(r.jobId());
            out.put(r.jobId(), stop.isCancelled() ? JobOutcome.ABORTED : run(r, stop, pcms.get(i)));
        }
        return out;
    }

    /** @param pregenerated the job's audio from a batched engine call, or null to generate it here */
    /**
     * One run of the job, counted in the store so that a job whose runs end with the process (it kills
     * its replica: a crash, the OS's OOM killer) is failed on its {@value #MAX_RUNS_PER_JOB}th re-delivery
     * instead of taking every replica down in turn.
     */
    private JobOutcome run(GenerationRequested request, CancellationCheck stop, PcmBuffer pregenerated) {
        boolean counted = AudioStore.isSafeId(request.jobId());
        int runs = counted ? store.startRun(request.jobId()) : 1;
        try {
            if (runs > MAX_RUNS_PER_JOB) {
                JobStatus failed = JobStatus.queued(request, 0, null, clock.instant()).failed("runner lost: the job"
                        + " was started " + (runs - 1) + " times and its generation replica stopped during each run;"
                        + " it is not run again", clock.instant());
                try {
                    publishFinal(failed, stop);
                } catch (Aborted e) {
                    return JobOutcome.ABORTED;
                }
                finished.remember(failed);
                return JobOutcome.FAILED;
            }
            return runOnce(request, stop, pregenerated);
        } finally {
            if (counted) {
                store.endRun(request.jobId());
            }
        }
    }

    private JobOutcome runOnce(GenerationRequested request, CancellationCheck stop, PcmBuffer pregenerated) {
        try {
            Optional<JobOutcome> replayed = pregenerated != null ? Optional.empty() : replay(request, stop);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            if (stop.isCancelled()) {
                return JobOutcome.ABORTED;
            }
            JobStatus generating = JobStatus.queued(request, 0, null, clock.instant())
                    .advance(JobState.GENERATING, 0.0, clock.instant());
            QualityReport report;
            int retries;
            if (pregenerated == null) {
                publishQuietly(generating);
            }
            try {
                AudioEngine engine = engines.engineFor(request.model()).orElseThrow(
                        () -> new IllegalStateException("no engine serves model " + request.model().wireName()));
                try (QualityRetry.Best best = quality.best(engine, inputOf(request), pregenerated, store.workDir(),
                        new ProgressSteps(generating), new AttemptAnnouncer(generating), stop)) {
                    if (stop.isCancelled()) {
                        return JobOutcome.ABORTED; // cancelled during analysis: nothing is stored or announced
                    }
                    clips.write(request.jobId(), best.pcm(), stop);
                    report = best.report();
                    retries = best.retries();
                }
            } catch (GenerationCancelledException e) {
                return JobOutcome.ABORTED;
            } catch (Aborted e) {
                throw e;
            } catch (IOException | RuntimeException | LinkageError | VirtualMachineError | AssertionError e) {
                // Errors too: an OutOfMemoryError or a StackOverflowError ends this job, not the worker,
                // and never leaves it "generating" (the heap it used is free again by now).
                LOG.log(Level.WARNING, "job " + request.jobId() + " failed", e);
                JobStatus failed = generating.failed("generation failed: " + reasonOf(e), clock.instant());
                publishFinal(failed, stop);
                finished.remember(failed);
                return JobOutcome.FAILED;
            }
            return announceCompleted(request, stop, report, retries);
        } catch (Aborted | IOException e) {
            if (e instanceof IOException) {
                LOG.log(Level.WARNING, "job " + request.jobId() + ": stored file unreadable right after writing", e);
            }
            return JobOutcome.ABORTED;
        }
    }

    /** A replay announces the stored file again; its quality is measured anew on what was stored. */
    private JobOutcome announceCompleted(GenerationRequested request, CancellationCheck stop) throws IOException {
        QualityAnalysis stored;
        try (var file = store.open(request.jobId())) {
            stored = quality.analyzer().analyze(file, () -> false);
        }
        return announceCompleted(request, stop, QualityRetry.toReport(stored), 0);
    }

    private JobOutcome announceCompleted(GenerationRequested request, CancellationCheck stop, QualityReport report,
                                         int retries) throws IOException {
        AudioStore.StoredAudio audio = store.describe(request.jobId());
        String spectrogram = clips.spectrogramOf(request.jobId()).orElse(null);
        JobStatus completed = withRetries(JobStatus.queued(request, 0, null, clock.instant())
                .completed(audio.filename(), spectrogram, report, clock.instant()), retries);
        publishFinal(completed, stop);
        publishFinal(new AudioCreated(SchemaVersion.CURRENT, request.jobId(), request.jobId(), audio.filename(),
                request.model().kind(), request.model().wireName(), request.prompt(), audio.durationSeconds(),
                audio.sampleRate(), request.userId(), request.isPublic(), report == null ? null : report.score(), spectrogram, null,
                request.loop(), List.of(), audio.createdAt()), stop);
        finished.remember(completed);
        return JobOutcome.COMPLETED;
    }

    /** What the user reads: the message, and for errors (and exceptions without one) what kind it was. */
    static String reasonOf(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof Error ? e.getClass().getSimpleName() + ": " + message : message;
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
        if (status.state() == JobState.QUEUED || status.state().isFinal()) {
            send(status);
            return;
        }
        // A running state: remembered for heartbeats, and published under the job's lock so that a
        // heartbeat never lands after the job's final status (the compacted topic keeps the last record).
        Running r = running.computeIfAbsent(status.jobId(), id -> new Running());
        synchronized (r) {
            if (!r.ended) {
                r.last = status;
                send(status);
            }
        }
    }

    private void send(JobStatus status) {
        try {
            events.publish(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish " + status.state().wireName() + " of job " + status.jobId(), e);
        }
    }

    /**
     * Publishes the latest status of every job running here again with the time now: the heartbeat by
     * which readers tell a running job from one whose runner is gone (a replica that died mid-job).
     * Called periodically by the queue.
     */
    public void heartbeat() {
        for (Running r : running.values()) {
            synchronized (r) {
                if (!r.ended && r.last != null) {
                    r.last = r.last.advance(r.last.state(), r.last.progress(), clock.instant());
                    send(r.last);
                }
            }
        }
    }

    /** Jobs with a running status published and no final one yet (what {@link #heartbeat} renews). */
    public int runningCount() {
        return running.size();
    }

    /** The job left this runner (final status, or aborted for a re-delivery): no more heartbeats for it. */
    public void forget(String jobId) {
        Running r = running.remove(jobId);
        if (r != null) {
            synchronized (r) {
                r.ended = true;
            }
        }
    }

    /** The last running status of a job, guarded by its own monitor. */
    private static final class Running {
        JobStatus last;
        boolean ended;
    }

    /**
     * A final event must get out before the request is acknowledged: retry with backoff (the producer
     * already retried for its delivery timeout) until it is delivered or the service stops.
     */
    private void publishFinal(Object event, CancellationCheck stop) {
        if (event instanceof JobStatus s && s.state().isFinal()) {
            forget(s.jobId());
        }
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

    private static JobStatus withRetries(JobStatus s, int retries) {
        return new JobStatus(s.schemaVersion(), s.jobId(), s.userId(), s.model(), s.prompt(), s.durationSeconds(),
                s.state(), s.progress(), s.position(), s.etaSeconds(), s.filename(), s.spectrogram(), s.quality(),
                s.error(), retries, s.updatedAt(), s.isPublic());
    }

    /** Announces {@code analyzing} after each attempt and {@code generating} again, with the retry count, per retry. */
    private final class AttemptAnnouncer implements QualityRetry.Attempts {
        private final JobStatus generating;

        AttemptAnnouncer(JobStatus generating) {
            this.generating = generating;
        }

        @Override
        public ProgressListener retrying(int retry, QualityAnalysis previous) {
            LOG.info(() -> "job " + generating.jobId() + " scored " + previous.score() + " " + previous.issues()
                    + ": retry " + retry + " with a new seed");
            JobStatus again = withRetries(generating.advance(JobState.GENERATING, 0.0, clock.instant()), retry);
            publishQuietly(again);
            return new ProgressSteps(again);
        }

        @Override
        public void analyzing(int retry) {
            publishQuietly(withRetries(generating.advance(JobState.ANALYZING, 0.0, clock.instant()), retry));
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
