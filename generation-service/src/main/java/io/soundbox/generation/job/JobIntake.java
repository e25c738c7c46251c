package io.soundbox.generation.job;

import io.soundbox.events.GenerationRequested;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.store.AudioStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The door from Kafka into the queue: rejects requests that cannot run, answers finished ones from the
 * store, and admits the rest. Called from one admission thread, in record order; may block while the
 * queue is full.
 */
public final class JobIntake {
    private final JobRunner runner;
    private final JobQueue queue;
    private final EngineCatalog engines;
    private final DurationLimits limits;

    public JobIntake(JobRunner runner, JobQueue queue, EngineCatalog engines, int maxDurationSeconds) {
        this(runner, queue, engines, new DurationLimits(maxDurationSeconds, java.util.Map.of(), engines));
    }

    public JobIntake(JobRunner runner, JobQueue queue, EngineCatalog engines, DurationLimits limits) {
        this.runner = runner;
        this.queue = queue;
        this.engines = engines;
        this.limits = limits;
    }

    /** @return completes when the job reached a final state (or was aborted by shutdown) */
    public CompletionStage<JobOutcome> accept(GenerationRequested request) throws InterruptedException {
        Optional<String> problem = problemWith(request);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(runner.reject(request, problem.get(), queue::isStopping));
        }
        Optional<JobOutcome> replayed = runner.replayIfFinished(request, queue::isStopping);
        if (replayed.isPresent()) {
            return CompletableFuture.completedFuture(replayed.get());
        }
        return queue.submit(request);
    }

    /** Ends a request that could not be admitted as failed with the reason (the gateway is waiting on it). */
    public CompletionStage<JobOutcome> fail(GenerationRequested request, String reason) {
        return CompletableFuture.completedFuture(runner.reject(request, reason, queue::isStopping));
    }

    /**
     * A record that is not a readable request: announced as a failed job when its key is a usable job id
     * (the gateway is waiting on it), otherwise only logged by the caller.
     */
    public CompletionStage<JobOutcome> acceptMalformed(String key, String reason) {
        if (!AudioStore.isSafeId(key)) {
            return CompletableFuture.completedFuture(JobOutcome.FAILED);
        }
        return CompletableFuture.completedFuture(runner.rejectMalformed(key, reason, queue::isStopping));
    }

    Optional<String> problemWith(GenerationRequested r) {
        if (!AudioStore.isSafeId(r.jobId())) {
            return Optional.of("invalid job id: it must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        int max = limits.maxFor(r.model());
        if (r.durationSeconds() < 1 || r.durationSeconds() > max) {
            return Optional.of("invalid duration " + r.durationSeconds() + " s: model " + r.model().wireName()
                    + " makes 1 to " + max + " seconds");
        }
        if (r.prompt().isBlank()) {
            return Optional.of("the prompt is empty");
        }
        if (engines.engineFor(r.model()).isEmpty()) {
            return Optional.of("model " + r.model().wireName() + " is not served by this generation service");
        }
        return Optional.empty();
    }
}
