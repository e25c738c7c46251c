package io.soundbox.generation.scheduler;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Decides which queued jobs run next: tier priority first and FIFO within a priority; a model in memory (the
 * loaded one first, then the one whose queued job is best) preferred over a better job whose model would
 * have to be loaded, for up to {@code affinityLimit} consecutive jobs (a load costs seconds to tens of
 * seconds); and any job waiting past the starvation bound forcing a switch to its model, oldest first.
 * Same-model jobs are handed out together, up to the engine's batch size, best priority first.
 *
 * <p>Not thread-safe: one owner at a time (the job queue guards it with its lock; the benchmark and the
 * forecast drive a private copy from one thread). Time is passed in, so simulations run on their own clock.
 */
public final class JobScheduler {
    /** Queue order: priority, then place in the class (skipped jobs first, then arrival). */
    public static final Comparator<QueuedJob> QUEUE_ORDER =
            Comparator.comparingInt(QueuedJob::priority).thenComparingLong(QueuedJob::order);
    private static final Comparator<QueuedJob> OLDEST_FIRST =
            Comparator.comparingLong(QueuedJob::enqueuedAtMs).thenComparing(QUEUE_ORDER);
    /** Skipped jobs sort before every arrival number, FIFO among themselves. */
    private static final long SKIP_BASE = Long.MIN_VALUE / 2;

    public enum Admission {
        ADMITTED,
        /** Already held here (a Kafka re-delivery): nothing changed. */
        DUPLICATE,
        /** The bounded queue is full. */
        FULL,
        /** The user has the most queued jobs their tier allows. */
        USER_LIMIT
    }

    private final SchedulingPolicy policy;
    private final TreeSet<QueuedJob> queue = new TreeSet<>(QUEUE_ORDER);
    private final Map<String, QueuedJob> byId = new HashMap<>();
    private final Map<String, Integer> pendingByUser = new HashMap<>();
    private final EnumMap<ModelId, Integer> byModel = new EnumMap<>(ModelId.class);
    private long arrivals;
    private long skips;
    private ModelId current;
    /** Consecutive jobs dispatched only because their model was loaded. */
    private int affinityRun;
    private long switches;

    public JobScheduler(SchedulingPolicy policy) {
        this.policy = policy;
    }

    /** A copy with the same queue and model history, for forecasts that must not touch the original. */
    public JobScheduler copy() {
        JobScheduler c = new JobScheduler(policy);
        c.queue.addAll(queue);
        c.byId.putAll(byId);
        c.pendingByUser.putAll(pendingByUser);
        c.byModel.putAll(byModel);
        c.arrivals = arrivals;
        c.skips = skips;
        c.current = current;
        c.affinityRun = affinityRun;
        c.switches = switches;
        return c;
    }

    public SchedulingPolicy policy() {
        return policy;
    }

    public Admission add(GenerationRequested request, long nowMs) {
        if (byId.containsKey(request.jobId())) {
            return Admission.DUPLICATE;
        }
        if (queue.size() >= policy.capacity()) {
            return Admission.FULL;
        }
        OptionalInt max = policy.maxPendingOf(request.tier());
        if (max.isPresent() && request.userId() != null
                && pendingByUser.getOrDefault(request.userId(), 0) >= max.getAsInt()) {
            return Admission.USER_LIMIT;
        }
        QueuedJob job = new QueuedJob(request, policy.priorityOf(request.tier(), request.priority()), arrivals++, nowMs);
        insert(job);
        return Admission.ADMITTED;
    }

    /** Removes a queued job (cancel); empty when it is not queued here. */
    public Optional<QueuedJob> remove(String jobId) {
        QueuedJob job = byId.get(jobId);
        if (job == null) {
            return Optional.empty();
        }
        delete(job);
        return Optional.of(job);
    }

    /**
     * Moves a queued job to the front of its priority class (an Aura skip); earlier skips stay ahead
     * of later ones. False when the job is not queued here.
     */
    public boolean skip(String jobId) {
        QueuedJob job = byId.get(jobId);
        if (job == null) {
            return false;
        }
        if (job.order() < 0) {
            return true; // skipped already: paying twice does not jump other skipped jobs
        }
        delete(job);
        insert(job.withOrder(SKIP_BASE + skips++));
        return true;
    }

    /** {@link #next(long, ToIntFunction, Predicate)} on a machine that holds one model at a time. */
    public Optional<Dispatch> next(long nowMs, ToIntFunction<ModelId> batchLimit) {
        return next(nowMs, batchLimit, m -> false);
    }

    /**
     * Takes the next jobs to run.
     *
     * @param batchLimit how many jobs of a model one engine call takes (1 without batching)
     * @param resident   whether a model is in memory now: going to it costs no load, so the loaded model's
     *                   preference has nothing to save and the better job is not passed over
     * @return empty when nothing is queued
     */
    public Optional<Dispatch> next(long nowMs, ToIntFunction<ModelId> batchLimit, Predicate<ModelId> resident) {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        List<QueuedJob> starved = starved(nowMs);
        ModelId model;
        Dispatch.Reason reason;
        QueuedJob best = queue.first();
        if (!starved.isEmpty()) {
            model = starved.get(0).model();
            reason = Dispatch.Reason.STARVATION;
        } else if (best.model() != current && affinityRun < policy.affinityLimit() && !resident.test(best.model())
                && (model = inMemoryWithJobs(resident)) != null) {
            reason = Dispatch.Reason.AFFINITY;
        } else {
            model = best.model();
            reason = Dispatch.Reason.PRIORITY;
        }
        int limit = Math.max(1, Math.min(policy.maxBatch(), batchLimit.applyAsInt(model)));
        if (reason == Dispatch.Reason.AFFINITY) {
            limit = Math.min(limit, policy.affinityLimit() - affinityRun);
        }
        List<QueuedJob> batch = new ArrayList<>(limit);
        for (QueuedJob s : starved) {
            if (batch.size() < limit && s.model() == model) {
                batch.add(s);
            }
        }
        for (QueuedJob j : queue) {
            if (batch.size() >= limit) {
                break;
            }
            if (j.model() == model && !batch.contains(j)) {
                batch.add(j);
            }
        }
        // A higher priority job wins within a batch: the engine sees the batch best first.
        batch.sort(QUEUE_ORDER);
        batch.forEach(this::delete);
        boolean switched = current != null && current != model;
        if (switched) {
            switches++;
        }
        current = model;
        // The cap bounds how long better jobs are passed over: only jobs taken for affinity count, and a
        // dispatch on its own merit (best job, or a starved one) starts the count again.
        affinityRun = reason == Dispatch.Reason.AFFINITY ? affinityRun + batch.size() : 0;
        return Optional.of(new Dispatch(model, batch, reason, switched));
    }

    /**
     * The model worth staying with instead of loading the best job's: the loaded one when it has queued jobs,
     * else the model in memory whose best job comes first; null when no model in memory has a queued job.
     */
    private ModelId inMemoryWithJobs(Predicate<ModelId> resident) {
        if (current != null && byModel.getOrDefault(current, 0) > 0) {
            return current;
        }
        for (QueuedJob j : queue) {
            if (resident.test(j.model())) {
                return j.model();
            }
        }
        return null;
    }

    /** Jobs waiting past the starvation bound, oldest first. */
    private List<QueuedJob> starved(long nowMs) {
        List<QueuedJob> out = new ArrayList<>();
        for (QueuedJob j : queue) {
            if (j.waitedMs(nowMs) > policy.starvationMs()) {
                out.add(j);
            }
        }
        out.sort(OLDEST_FIRST);
        return out;
    }

    /** Queued jobs in queue order (priority, then skip/arrival); a snapshot. */
    public List<QueuedJob> queued() {
        return List.copyOf(queue);
    }

    public Optional<QueuedJob> get(String jobId) {
        return Optional.ofNullable(byId.get(jobId));
    }

    public int size() {
        return queue.size();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Queued jobs per priority (only priorities that have jobs). */
    public Map<Integer, Integer> depthByPriority() {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (QueuedJob j : queue) {
            out.merge(j.priority(), 1, Integer::sum);
        }
        return out;
    }

    public int pendingOf(String userId) {
        return pendingByUser.getOrDefault(userId, 0);
    }

    /** The model of the last dispatch, or null before the first. */
    public ModelId currentModel() {
        return current;
    }

    /** Dispatches whose model differed from the one before. */
    public long switches() {
        return switches;
    }

    private void insert(QueuedJob job) {
        queue.add(job);
        byId.put(job.jobId(), job);
        byModel.merge(job.model(), 1, Integer::sum);
        if (job.userId() != null) {
            pendingByUser.merge(job.userId(), 1, Integer::sum);
        }
    }

    private void delete(QueuedJob job) {
        queue.remove(job);
        byId.remove(job.jobId());
        byModel.computeIfPresent(job.model(), (m, n) -> n > 1 ? n - 1 : null);
        if (job.userId() != null) {
            pendingByUser.computeIfPresent(job.userId(), (u, n) -> n > 1 ? n - 1 : null);
        }
    }
}
