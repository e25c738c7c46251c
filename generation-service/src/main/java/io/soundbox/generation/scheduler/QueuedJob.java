package io.soundbox.generation.scheduler;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;

/**
 * A request waiting in the scheduler.
 *
 * @param priority     effective priority, 0 served first
 * @param order        place within its priority class: arrival number, or a negative number once skipped
 * @param enqueuedAtMs when the job started waiting (scheduler clock), for starvation and wait times
 */
public record QueuedJob(GenerationRequested request, int priority, long order, long enqueuedAtMs) {

    public String jobId() {
        return request.jobId();
    }

    public ModelId model() {
        return request.model();
    }

    public String userId() {
        return request.userId();
    }

    public String tier() {
        return request.tier();
    }

    public int durationSeconds() {
        return request.durationSeconds();
    }

    QueuedJob withOrder(long newOrder) {
        return new QueuedJob(request, priority, newOrder, enqueuedAtMs);
    }

    public long waitedMs(long nowMs) {
        return Math.max(0, nowMs - enqueuedAtMs);
    }
}
