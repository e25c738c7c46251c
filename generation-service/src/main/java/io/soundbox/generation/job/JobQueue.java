package io.soundbox.generation.job;

import io.soundbox.events.GenerationRequested;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Jobs admitted from Kafka, run by a fixed set of worker threads in arrival order (the tier scheduler
 * replaces the order later). At most {@code workers + maxQueued} jobs are admitted at a time:
 * {@link #submit} blocks the single admission thread while full, which stops the Kafka consumer from
 * fetching more. A job id that is already admitted is not admitted twice (Kafka re-delivery).
 */
public final class JobQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final JobRunner runner;
    private final Semaphore slots;
    /** Unbounded type on purpose: {@link #slots} is the bound, counted from submit to the job's end. */
    private final ExecutorService workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, CompletableFuture<JobOutcome>> admitted = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public JobQueue(JobRunner runner, int workerThreads, int maxQueued) {
        if (workerThreads < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("need at least one worker and a non-negative queue");
        }
        this.runner = runner;
        this.slots = new Semaphore(workerThreads + maxQueued);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "generation-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Admits a job, waiting for room; announces it as queued with its position (1 = next to run).
     *
     * @return completes with the job's outcome; {@link JobOutcome#ABORTED} if the service stops first
     */
    public CompletableFuture<JobOutcome> submit(GenerationRequested request) throws InterruptedException {
        CompletableFuture<JobOutcome> same = admitted.get(request.jobId());
        if (same != null) {
            return same;
        }
        while (!slots.tryAcquire(500, TimeUnit.MILLISECONDS)) {
            if (stopping) {
                return CompletableFuture.completedFuture(JobOutcome.ABORTED);
            }
        }
        CompletableFuture<JobOutcome> done = new CompletableFuture<>();
        admitted.put(request.jobId(), done);
        runner.announceQueued(request, waiting.incrementAndGet());
        try {
            workers.execute(() -> runAdmitted(request, done));
        } catch (RuntimeException e) {
            waiting.decrementAndGet();
            release(request, done, JobOutcome.ABORTED);
        }
        return done;
    }

    private void runAdmitted(GenerationRequested request, CompletableFuture<JobOutcome> done) {
        waiting.decrementAndGet();
        JobOutcome outcome = JobOutcome.ABORTED;
        try {
            if (!stopping) {
                outcome = runner.run(request, this::isStopping);
            }
        } catch (RuntimeException | Error e) {
            LOG.severe("job " + request.jobId() + " crashed its worker: " + e);
            admitted.remove(request.jobId());
            slots.release();
            done.completeExceptionally(e);
            return;
        }
        release(request, done, outcome);
    }

    private void release(GenerationRequested request, CompletableFuture<JobOutcome> done, JobOutcome outcome) {
        admitted.remove(request.jobId());
        slots.release();
        done.complete(outcome);
    }

    /** Jobs admitted and not started yet. */
    public int waiting() {
        return waiting.get();
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Stops admitting, lets the running job notice (engines poll cancellation) and waits briefly. */
    @Override
    public void close() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
