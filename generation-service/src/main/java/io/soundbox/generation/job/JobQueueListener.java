package io.soundbox.generation.job;

import io.soundbox.generation.scheduler.Dispatch;

/** Told what the queue does (metrics); called from worker threads, outside the queue's lock. */
public interface JobQueueListener {
    default void dispatched(Dispatch dispatch, long nowMs) {
    }

    JobQueueListener NONE = new JobQueueListener() {
    };
}
