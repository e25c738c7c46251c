package io.soundbox.gateway.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest status of each job, built from {@code soundbox.job.status} plus the gateway's own
 * "queued" records. Bounded: at most {@code maxSize} jobs; finished jobs expire {@code finishedTtl}
 * after their last update, unfinished ones after {@code activeTtl}. Thread-safe (Caffeine's atomic
 * compute), called from the Kafka consumer thread and from HTTP worker threads.
 */
public final class JobReadModel {
    private final Cache<String, JobStatus> jobs;
    /**
     * Unfinished job ids per user (plus reservations of jobs being submitted), for the per-user
     * pending-job limit: counting by scanning every job on each submission would not scale.
     */
    private final ConcurrentHashMap<String, Set<String>> activeByUser = new ConcurrentHashMap<>();
    /**
     * Jobs in state queued, kept up to date on every change (inside the cache's atomic operations) so
     * each submission's position estimate is O(1) instead of a scan of the whole model.
     */
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Unfinished private jobs, for the private storage limit: reserved by a submission here, or seen on the
     * status topic (statuses carry the request's visibility), so that every gateway replica, and one that
     * restarted, counts the jobs the others took. A subset of the ids in {@link #activeByUser}, and dropped
     * with them, so it is bounded like them.
     */
    private final Set<String> privateJobs = ConcurrentHashMap.newKeySet();

    /** A running job not renewed for this long has lost its runner (see {@link #isRunnerLost}). */
    private final Duration runnerLostAfter;
    private final java.time.Clock clock;

    /** A model that never calls a job lost (for tests of everything else). */
    public JobReadModel(long maxSize, Duration finishedTtl, Duration activeTtl) {
        this(maxSize, finishedTtl, activeTtl, Duration.ZERO, java.time.Clock.systemUTC());
    }

    /** @param runnerLostAfter zero: no job is ever called lost */

    public JobReadModel(long maxSize, Duration finishedTtl, Duration activeTtl, Duration runnerLostAfter,
                        java.time.Clock clock) {
        this.runnerLostAfter = runnerLostAfter;
        this.clock = clock;
        long finishedNanos = finishedTtl.toNanos();
        long activeNanos = activeTtl.toNanos();
        this.jobs = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<String, JobStatus>() {
                    @Override
                    public long expireAfterCreate(String key, JobStatus value, long currentTime) {
                        return value.state().isFinal() ? finishedNanos : activeNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, JobStatus value, long currentTime, long currentDuration) {
                        return value.state().isFinal() ? finishedNanos : activeNanos;
                    }

                    @Override
                    public long expireAfterRead(String key, JobStatus value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                // Runs inside the cache's atomic operation for size and age evictions.
                .evictionListener((String id, JobStatus s, com.github.benmanes.caffeine.cache.RemovalCause c) -> {
                    if (s != null) {
                        unmark(s.userId(), id);
                        if (s.state() == JobState.QUEUED) {
                            queued.decrementAndGet();
                        }
                    }
                })
                .build();
    }

    /** Applies an update unless the held status is newer or final; returns whether it was applied. */
    public boolean apply(JobStatus incoming) {
        boolean[] applied = {false};
        jobs.asMap().compute(incoming.jobId(), (id, current) -> {
            if (StatusOrdering.replaces(current, incoming)) {
                applied[0] = true;
                boolean wasQueued = current != null && current.state() == JobState.QUEUED;
                boolean isQueued = incoming.state() == JobState.QUEUED;
                if (wasQueued != isQueued) {
                    queued.addAndGet(isQueued ? 1 : -1);
                }
                if (incoming.state().isFinal()) {
                    unmark(incoming.userId(), id);
                } else {
                    if (!incoming.isPublic()) {
                        privateJobs.add(id); // from the topic: jobs other gateways took, or before a restart
                    }
                    mark(incoming.userId(), id);
                }
                return incoming;
            }
            return current;
        });
        return applied[0];
    }

    /** A compaction tombstone: the job is gone. */
    public void remove(String jobId) {
        JobStatus old = jobs.asMap().remove(jobId);
        if (old != null) {
            unmark(old.userId(), jobId);
            if (old.state() == JobState.QUEUED) {
                queued.decrementAndGet();
            }
        }
    }

    /** The user's jobs that are not final yet (queued, loading, generating, analyzing), reservations included. */
    public int pendingCount(String userId) {
        Set<String> ids = activeByUser.get(userId);
        return ids == null ? 0 : (int) ids.stream().filter(id -> !isRunnerLost(jobs.getIfPresent(id))).count();
    }

    /**
     * Counts {@code jobId} as pending for the user if that keeps the user at or below {@code max}
     * pending jobs; atomic per user, so concurrent submissions cannot overshoot the limit.
     *
     * @return -1 when reserved, otherwise the user's pending count that blocked it
     */
    public int tryReservePending(String userId, String jobId, int max) {
        int[] blockedAt = {-1};
        activeByUser.compute(userId, (u, ids) -> {
            Set<String> set = ids != null ? ids : ConcurrentHashMap.newKeySet();
            // Jobs whose runner is lost are not pending any more, though no final status came for them.
            int pending = (int) set.stream().filter(id -> !isRunnerLost(jobs.getIfPresent(id))).count();
            if (pending >= max && !set.contains(jobId)) {
                blockedAt[0] = pending;
            } else {
                set.add(jobId);
            }
            return set.isEmpty() ? null : set;
        });
        return blockedAt[0];
    }

    /**
     * Counts {@code jobId} as a pending private job of the user if the user's other pending private
     * jobs are fewer than {@code allowed}; atomic per user, so concurrent submissions cannot overshoot.
     * Undo with {@link #releasePending}.
     *
     * @return -1 when reserved, otherwise the number of pending private jobs that blocked it
     */
    public long tryReservePrivate(String userId, String jobId, long allowed) {
        long[] blockedAt = {-1};
        activeByUser.compute(userId, (u, ids) -> {
            Set<String> set = ids != null ? ids : ConcurrentHashMap.newKeySet();
            long others = set.stream().filter(id -> !id.equals(jobId) && privateJobs.contains(id)).count();
            if (others >= allowed) {
                blockedAt[0] = others;
            } else {
                privateJobs.add(jobId);
                set.add(jobId);
            }
            return set.isEmpty() ? null : set;
        });
        return blockedAt[0];
    }

    /** The user's unfinished jobs that were submitted private through this gateway. */
    public int pendingPrivateCount(String userId) {
        Set<String> ids = activeByUser.get(userId);
        return ids == null ? 0 : (int) ids.stream().filter(privateJobs::contains).count();
    }

    /** Undoes {@link #tryReservePending} for a job that was never queued. */
    public void releasePending(String userId, String jobId) {
        if (jobs.getIfPresent(jobId) == null) {
            unmark(userId, jobId);
        }
    }

    private void mark(String userId, String jobId) {
        if (userId != null) {
            activeByUser.compute(userId, (u, ids) -> {
                Set<String> set = ids != null ? ids : ConcurrentHashMap.newKeySet();
                set.add(jobId);
                return set;
            });
        }
    }

    private void unmark(String userId, String jobId) {
        privateJobs.remove(jobId);
        if (userId != null) {
            activeByUser.computeIfPresent(userId, (u, ids) -> {
                ids.remove(jobId);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    /** The job's latest status; a running job whose runner is lost reads as failed with that reason. */
    public Optional<JobStatus> find(String jobId) {
        return Optional.ofNullable(jobs.getIfPresent(jobId)).map(this::asSeen);
    }

    /**
     * True for a job that is loading, generating or analysing while its status has not been renewed
     * within {@code runnerLostAfter}: the replica running it died (or lost the broker) mid-job. Kafka
     * re-delivers its request to a live replica, which runs it again and publishes fresh statuses,
     * and those replace this verdict; until then the job is shown failed and counted nowhere.
     */
    public boolean isRunnerLost(JobStatus s) {
        if (s == null || s.updatedAt() == null || runnerLostAfter.isZero()) {
            return false;
        }
        boolean running = s.state() == JobState.LOADING || s.state() == JobState.GENERATING
                || s.state() == JobState.ANALYZING;
        return running && s.updatedAt().plus(runnerLostAfter).isBefore(clock.instant());
    }

    private JobStatus asSeen(JobStatus s) {
        return isRunnerLost(s) ? s.failed("runner lost: no progress reported for " + runnerLostAfter.toSeconds()
                + " s (the generation replica stopped mid-job); submit it again if it does not resume", s.updatedAt()) : s;
    }

    /** Jobs known to wait in the queue; an estimate (other gateways' fresh jobs are not yet visible). */
    public long queuedCount() {
        return Math.max(0, queued.get());
    }

    /**
     * Every job that is not final yet and not lost with its runner (for the queue view and {@code /status}). A scan of the whole model: callers bound
     * what they return, and the model itself is bounded.
     */
    public java.util.List<JobStatus> unfinished() {
        return jobs.asMap().values().stream().filter(s -> !s.state().isFinal() && !isRunnerLost(s)).toList();
    }

    public long size() {
        jobs.cleanUp();
        return jobs.estimatedSize();
    }
}
