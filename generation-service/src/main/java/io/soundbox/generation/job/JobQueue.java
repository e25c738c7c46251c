package io.soundbox.generation.job;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.model.MemoryProbe;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelLoader;
import io.soundbox.generation.model.ModelSpec;
import io.soundbox.generation.model.ModelUnavailableException;
import io.soundbox.generation.scheduler.Dispatch;
import io.soundbox.generation.scheduler.JobScheduler;
import io.soundbox.generation.scheduler.QueueForecast;
import io.soundbox.generation.scheduler.QueuedJob;
import io.soundbox.generation.scheduler.RunTimeEstimator;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jobs admitted from Kafka, ordered by the {@link JobScheduler} (tier priority, model affinity,
 * starvation bound, batches) and run by a fixed set of worker threads, each dispatch under a lease on its
 * model from the {@link ModelLifecycle} (loaded on demand). At most {@code workers + maxQueued} jobs are
 * admitted at a time: {@link #submit} blocks the single admission thread while full, which stops the
 * Kafka consumer from fetching more. A job id already admitted is not admitted twice (Kafka re-delivery).
 *
 * <p>Threads: the admission thread calls {@link #submit}; the control consumer calls {@link #cancel} and
 * {@link #skip}; workers run dispatches; one announcer thread publishes changed queue positions and ETAs
 * at most every {@code announceIntervalMs}. The scheduler is guarded by {@link #lock}; a job's queued
 * announcements and its move to running are serialised on the job's {@link Held} monitor, so a stale
 * {@code queued} status can never follow its {@code generating}.
 */
public final class JobQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobQueue.class.getName());
    private static final long SHUTDOWN_GRACE_SECONDS = 10;
    /** Control events for jobs not held here are remembered this many at a time (a cancel may beat its request). */
    private static final int REMEMBERED_CONTROLS = 10_000;

    /**
     * @param announceIntervalMs least time between two rounds of position/ETA announcements
     * @param idleCheckMs        how often idle models are looked at for unloading
     */
    public record Settings(int workerThreads, int maxQueued, long announceIntervalMs, long idleCheckMs,
                           LongSupplier clockMs, long heartbeatMs) {
        /** Heartbeats of running jobs every 15 s (readers call a job lost after several missed ones). */
        public static final long DEFAULT_HEARTBEAT_MS = 15_000;

        public Settings {
            if (workerThreads < 1 || maxQueued < 0 || heartbeatMs < 1) {
                throw new IllegalArgumentException("need at least one worker, a non-negative queue and a heartbeat");
            }
        }

        public Settings(int workerThreads, int maxQueued, long announceIntervalMs, long idleCheckMs,
                        LongSupplier clockMs) {
            this(workerThreads, maxQueued, announceIntervalMs, idleCheckMs, clockMs, DEFAULT_HEARTBEAT_MS);
        }
    }

    private final JobRunner runner;
    private final JobScheduler scheduler;
    private final ModelLifecycle models;
    private final RunTimeEstimator estimator;
    private final ToIntFunction<ModelId> batchLimit;
    private final JobQueueListener listener;
    private final Settings settings;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workAvailable = lock.newCondition();
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final RecentIds cancelledEarly = new RecentIds(REMEMBERED_CONTROLS);
    private final RecentIds skippedEarly = new RecentIds(REMEMBERED_CONTROLS);
    private final AtomicBoolean positionsChanged = new AtomicBoolean();
    private final ExecutorService workers;
    private final ScheduledExecutorService announcer;
    /** Guarded by {@link #lock}: when the work running now is expected to end, per worker. */
    private final Map<Thread, Long> busyUntil = new HashMap<>();
    private volatile boolean stopping;

    public JobQueue(JobRunner runner, JobScheduler scheduler, ModelLifecycle models, RunTimeEstimator estimator,
                    ToIntFunction<ModelId> batchLimit, JobQueueListener listener, Settings settings) {
        this.runner = runner;
        this.scheduler = scheduler;
        this.models = models;
        this.estimator = estimator;
        this.batchLimit = batchLimit;
        this.listener = listener;
        this.settings = settings;
        this.slots = new Semaphore(settings.workerThreads() + settings.maxQueued());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), r -> daemon(r, "generation-worker-" + n.incrementAndGet()));
        this.announcer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "generation-queue-announcer"));
        for (int i = 0; i < settings.workerThreads(); i++) {
            workers.execute(this::work);
        }
        announcer.scheduleWithFixedDelay(this::announceIfChanged, settings.announceIntervalMs(),
                settings.announceIntervalMs(), TimeUnit.MILLISECONDS);
        announcer.scheduleWithFixedDelay(this::unloadIdleModels, settings.idleCheckMs(), settings.idleCheckMs(),
                TimeUnit.MILLISECONDS);
        announcer.scheduleWithFixedDelay(this::heartbeat, settings.heartbeatMs(), settings.heartbeatMs(),
                TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        try {
            runner.heartbeat();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not publish heartbeats", e);
        }
    }

    /**
     * A queue with the design's ordering rules, no per-user limits, no batching and weightless models
     * that are always in memory: for tests of what surrounds the queue.
     */
    public JobQueue(JobRunner runner, int workerThreads, int maxQueued) {
        this(runner, new JobScheduler(new SchedulingPolicy(3, 60_000, 1, workerThreads + maxQueued,
                        SchedulingPolicy.defaults(1).tierPriorities(), Map.of())),
                new ModelLifecycle(Arrays.stream(ModelId.values()).map(m -> new ModelSpec(m, m.wireName(), 0)).toList(),
                        ModelLoader.WEIGHTLESS, MemoryProbe.UNLIMITED,
                        new ModelLifecycle.Policy(0, Long.MAX_VALUE / 4, 0, 100, true), System::currentTimeMillis,
                        io.soundbox.generation.model.LifecycleListener.NONE),
                null, m -> 1, JobQueueListener.NONE,
                new Settings(workerThreads, maxQueued, 250, 60_000, System::currentTimeMillis));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Admits a job, waiting for room; announces it as queued with its position (1 = next to run) and ETA.
     *
     * @return completes with the job's outcome; {@link JobOutcome#ABORTED} if the service stops first
     */
    public CompletableFuture<JobOutcome> submit(GenerationRequested request) throws InterruptedException {
        Held same = held.get(request.jobId());
        if (same != null) {
            return same.done;
        }
        while (!slots.tryAcquire(500, TimeUnit.MILLISECONDS)) {
            if (stopping) {
                return CompletableFuture.completedFuture(JobOutcome.ABORTED);
            }
        }
        Held h = new Held(request);
        if (cancelledEarly.remove(request.jobId())) {
            slots.release();
            return CompletableFuture.completedFuture(runner.announceCancelled(request, this::isStopping));
        }
        synchronized (h) {
            JobScheduler.Admission admission;
            QueueForecast.Estimate estimate = null;
            lock.lock();
            try {
                admission = scheduler.add(request, enqueuedAt(request));
                if (admission == JobScheduler.Admission.ADMITTED) {
                    held.put(request.jobId(), h);
                    if (skippedEarly.remove(request.jobId())) {
                        scheduler.skip(request.jobId());
                    }
                    estimate = forecast().get(request.jobId());
                    workAvailable.signal();
                }
            } finally {
                lock.unlock();
            }
            switch (admission) {
                case ADMITTED -> {
                    positionsChanged.set(true);
                    announceQueued(h, estimate);
                    return h.done;
                }
                case USER_LIMIT -> {
                    slots.release();
                    return CompletableFuture.completedFuture(runner.fail(request, "too many pending jobs: tier "
                            + request.tier() + " allows " + scheduler.policy().maxPendingOf(request.tier()).orElse(0)
                            + " queued jobs per user", this::isStopping));
                }
                default -> {
                    // DUPLICATE raced with another admission, or FULL despite the slots: leave it to a re-delivery.
                    slots.release();
                    Held other = held.get(request.jobId());
                    return other != null ? other.done : CompletableFuture.completedFuture(JobOutcome.ABORTED);
                }
            }
        }
    }

    /** Cancels a job held here: a queued one leaves the queue now, a running one stops at its next progress step. */
    public ControlResult cancel(String jobId) {
        Held h = held.get(jobId);
        if (h == null) {
            cancelledEarly.add(jobId);
            return ControlResult.NOT_HELD;
        }
        boolean removed;
        synchronized (h) {
            lock.lock();
            try {
                removed = scheduler.remove(jobId).isPresent();
            } finally {
                lock.unlock();
            }
            if (!removed) {
                h.cancelRequested = true;
                return ControlResult.RUNNING;
            }
            h.finished = true;
        }
        positionsChanged.set(true);
        finish(h, runner.announceCancelled(h.request, this::isStopping));
        return ControlResult.APPLIED;
    }

    /** Moves a queued job to the front of its priority class (an Aura skip). */
    public ControlResult skip(String jobId) {
        Held h = held.get(jobId);
        if (h == null) {
            skippedEarly.add(jobId);
            return ControlResult.NOT_HELD;
        }
        boolean moved;
        lock.lock();
        try {
            moved = scheduler.skip(jobId);
        } finally {
            lock.unlock();
        }
        if (moved) {
            positionsChanged.set(true);
            return ControlResult.APPLIED;
        }
        return ControlResult.RUNNING;
    }

    /** Jobs admitted and not started yet. */
    public int waiting() {
        lock.lock();
        try {
            return scheduler.size();
        } finally {
            lock.unlock();
        }
    }

    /** Queued jobs per priority (0 = admin); priorities without jobs are absent. */
    public Map<Integer, Integer> depthByPriority() {
        lock.lock();
        try {
            return scheduler.depthByPriority();
        } finally {
            lock.unlock();
        }
    }

    /** Model switches the scheduler made so far. */
    public long switches() {
        lock.lock();
        try {
            return scheduler.switches();
        } finally {
            lock.unlock();
        }
    }

    public ModelLifecycle models() {
        return models;
    }

    public boolean isStopping() {
        return stopping;
    }

    private void work() {
        while (!stopping) {
            Dispatch d;
            lock.lock();
            try {
                while (!stopping && scheduler.isEmpty()) {
                    workAvailable.await(500, TimeUnit.MILLISECONDS);
                }
                if (stopping) {
                    return;
                }
                long now = settings.clockMs().getAsLong();
                d = scheduler.next(now, batchLimit, models::isLoaded).orElseThrow();
                busyUntil.put(Thread.currentThread(), now + estimatedMs(d));
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            positionsChanged.set(true);
            try {
                listener.dispatched(d, settings.clockMs().getAsLong());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "queue listener failed", e);
            }
            execute(d);
            lock.lock();
            try {
                busyUntil.remove(Thread.currentThread());
            } finally {
                lock.unlock();
            }
        }
    }

    private void execute(Dispatch d) {
        List<Held> batch = new ArrayList<>();
        for (QueuedJob j : d.jobs()) {
            Held h = held.get(j.jobId());
            if (h != null) {
                synchronized (h) {
                    h.running = true;
                }
                batch.add(h);
            }
        }
        try {
            if (!models.isLoaded(d.model())) {
                batch.forEach(h -> runner.announceLoading(h.request, null));
            }
            ModelLifecycle.Lease lease;
            // A cancel reaches a job waiting for its model too (loading may wait minutes for memory).
            CancellationCheck allCancelled = () -> stopping || batch.stream().allMatch(h -> h.cancelRequested);
            try {
                lease = models.acquire(d.model(), allCancelled);
            } catch (ModelUnavailableException e) {
                LOG.warning(e.getMessage());
                batch.forEach(h -> finish(h, stopping ? JobOutcome.ABORTED
                        : h.cancelRequested ? runner.announceCancelled(h.request, this::isStopping)
                        : runner.fail(h.request, e.getMessage(), this::isStopping)));
                return;
            } catch (InterruptedException e) {
                batch.forEach(h -> finish(h, JobOutcome.ABORTED));
                return;
            }
            Map<String, JobOutcome> outcomes;
            long started = settings.clockMs().getAsLong();
            try (lease) {
                if (batch.size() == 1) {
                    Held h = batch.get(0);
                    outcomes = Map.of(h.request.jobId(), runner.run(h.request, stopOf(h)));
                } else {
                    outcomes = runner.runBatch(batch.stream().map(h -> h.request).toList(), id -> stopOf(held.get(id)));
                }
            }
            recordRunTime(d, batch, outcomes, settings.clockMs().getAsLong() - started);
            for (Held h : batch) {
                JobOutcome outcome = outcomes.getOrDefault(h.request.jobId(), JobOutcome.ABORTED);
                if (outcome == JobOutcome.ABORTED && h.cancelRequested && !stopping) {
                    outcome = runner.announceCancelled(h.request, this::isStopping);
                }
                finish(h, outcome);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "dispatch of " + d.jobs().size() + " " + d.model().wireName() + " job(s) crashed", e);
            // Whatever broke, each job ends failed with the reason and its record is acknowledged: a job
            // left "generating" with its record dropped would never move again.
            for (Held h : batch) {
                if (!h.done.isDone()) {
                    finish(h, failQuietly(h, e));
                }
            }
        }
    }

    private JobOutcome failQuietly(Held h, Throwable cause) {
        if (stopping) {
            return JobOutcome.ABORTED;
        }
        try {
            return runner.fail(h.request, "generation failed: " + JobRunner.reasonOf(cause), this::isStopping);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "could not announce the failure of job " + h.request.jobId(), e);
            return JobOutcome.ABORTED; // not acknowledged: re-delivered and tried again
        }
    }

    private CancellationCheck stopOf(Held h) {
        return h == null ? this::isStopping : () -> stopping || h.cancelRequested;
    }

    private void recordRunTime(Dispatch d, List<Held> batch, Map<String, JobOutcome> outcomes, long elapsedMs) {
        if (estimator == null || !outcomes.values().stream().allMatch(o -> o == JobOutcome.COMPLETED)) {
            return;
        }
        double audioSeconds = batch.stream().mapToDouble(h -> h.request.durationSeconds()).sum();
        estimator.recordRun(d.model(), audioSeconds, elapsedMs);
    }

    private void finish(Held h, JobOutcome outcome) {
        runner.forget(h.request.jobId());
        if (held.remove(h.request.jobId(), h)) {
            slots.release();
        }
        h.done.complete(outcome);
    }

    private long enqueuedAt(GenerationRequested r) {
        long now = settings.clockMs().getAsLong();
        Instant at = r.requestedAt();
        // The request's own time counts the wait before this instance got it (a re-delivery after a crash),
        // but a clock that runs ahead, or an ancient replay, must not distort the order.
        if (at == null || at.toEpochMilli() > now || now - at.toEpochMilli() > 3_600_000L) {
            return now;
        }
        return at.toEpochMilli();
    }

    /** Guarded by {@link #lock}. */
    private Map<String, QueueForecast.Estimate> forecast() {
        if (estimator == null) {
            Map<String, QueueForecast.Estimate> plain = new HashMap<>();
            int position = 1;
            JobScheduler sim = scheduler.copy();
            long now = settings.clockMs().getAsLong();
            while (!sim.isEmpty()) {
                for (QueuedJob j : sim.next(now, batchLimit, models::isLoaded).orElseThrow().jobs()) {
                    plain.put(j.jobId(), new QueueForecast.Estimate(position++, -1));
                }
            }
            return plain;
        }
        long now = settings.clockMs().getAsLong();
        long busy = busyUntil.values().stream().mapToLong(t -> Math.max(0, t - now)).min().orElse(0);
        return QueueForecast.of(scheduler, now, busy, estimator, batchLimit, models::isLoaded);
    }

    private long estimatedMs(Dispatch d) {
        if (estimator == null) {
            return 0;
        }
        // Free when the model is in memory already, a load otherwise.
        return estimator.switchMs(null, d.model()) + estimator.runMs(d.model(), d.jobs());
    }

    private void announceIfChanged() {
        if (!positionsChanged.getAndSet(false)) {
            return;
        }
        try {
            Map<String, QueueForecast.Estimate> estimates;
            lock.lock();
            try {
                estimates = forecast();
            } finally {
                lock.unlock();
            }
            estimates.forEach((id, e) -> {
                Held h = held.get(id);
                if (h != null) {
                    synchronized (h) {
                        announceQueued(h, e);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not announce queue positions", e);
        }
    }

    /** Called holding the job's monitor: publishes only when the job is still queued and its numbers changed. */
    private void announceQueued(Held h, QueueForecast.Estimate e) {
        if (h.running || h.finished || e == null) {
            return;
        }
        Integer eta = e.etaMs() < 0 ? null : (int) Math.min(Integer.MAX_VALUE, (e.etaMs() + 999) / 1000);
        boolean etaMoved = eta != null && (h.lastEta == null
                || Math.abs(eta - h.lastEta) >= Math.max(5, h.lastEta / 10));
        if (e.position() != h.lastPosition || etaMoved) {
            runner.announceQueued(h.request, e.position(), eta);
            h.lastPosition = e.position();
            h.lastEta = eta;
        }
    }

    private void unloadIdleModels() {
        try {
            models.unloadIdle();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "idle model check failed", e);
        }
    }

    /** Stops admitting, lets running jobs notice (engines poll cancellation) and waits briefly. */
    @Override
    public void close() {
        stopping = true;
        lock.lock();
        try {
            workAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        announcer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // Still queued: not acknowledged, so Kafka re-delivers them to whoever takes over.
        for (Held h : List.copyOf(held.values())) {
            if (!h.running) {
                finish(h, JobOutcome.ABORTED);
            }
        }
    }

    /** A job held by this instance, from admission to its outcome. */
    private static final class Held {
        final GenerationRequested request;
        final CompletableFuture<JobOutcome> done = new CompletableFuture<>();
        /** Guarded by this object's monitor. */
        boolean running;
        boolean finished;
        int lastPosition;
        Integer lastEta;
        volatile boolean cancelRequested;

        Held(GenerationRequested request) {
            this.request = request;
        }
    }
}
