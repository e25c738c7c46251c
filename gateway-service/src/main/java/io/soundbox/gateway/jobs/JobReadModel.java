package io.soundbox.gateway.jobs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * The latest status of each job, built from {@code soundbox.job.status} plus the gateway's own
 * "queued" records. Bounded: at most {@code maxSize} jobs; finished jobs expire {@code finishedTtl}
 * after their last update, unfinished ones after {@code activeTtl}. Thread-safe (Caffeine's atomic
 * compute), called from the Kafka consumer thread and from HTTP worker threads.
 */
public final class JobReadModel {
    private final Cache<String, JobStatus> jobs;

    public JobReadModel(long maxSize, Duration finishedTtl, Duration activeTtl) {
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
                .build();
    }

    /** Applies an update unless the held status is newer or final; returns whether it was applied. */
    public boolean apply(JobStatus incoming) {
        boolean[] applied = {false};
        jobs.asMap().compute(incoming.jobId(), (id, current) -> {
            if (StatusOrdering.replaces(current, incoming)) {
                applied[0] = true;
                return incoming;
            }
            return current;
        });
        return applied[0];
    }

    /** A compaction tombstone: the job is gone. */
    public void remove(String jobId) {
        jobs.invalidate(jobId);
    }

    public Optional<JobStatus> find(String jobId) {
        return Optional.ofNullable(jobs.getIfPresent(jobId));
    }

    /** Jobs known to wait in the queue; an estimate (other gateways' fresh jobs are not yet visible). */
    public long queuedCount() {
        return jobs.asMap().values().stream().filter(s -> s.state() == JobState.QUEUED).count();
    }

    public long size() {
        jobs.cleanUp();
        return jobs.estimatedSize();
    }
}
