package io.soundbox.generation.job;

import io.soundbox.events.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The final status of recently finished jobs, so a re-delivered request is answered with its result
 * (also for failures, which leave no file) instead of being generated again. Bounded: the oldest
 * entries are forgotten, and the audio file stays the lasting record of a completed job.
 */
public final class FinishedJobs {
    private final Map<String, JobStatus> recent;

    public FinishedJobs(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobStatus> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(JobStatus finalStatus) {
        recent.put(finalStatus.jobId(), finalStatus);
    }

    public synchronized Optional<JobStatus> get(String jobId) {
        return Optional.ofNullable(recent.get(jobId));
    }

    public synchronized int size() {
        return recent.size();
    }
}
