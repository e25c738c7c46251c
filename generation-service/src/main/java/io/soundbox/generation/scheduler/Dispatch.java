package io.soundbox.generation.scheduler;

import io.soundbox.events.ModelId;
import java.util.List;

/**
 * What runs next: one to {@code maxBatch} jobs of one model, best first.
 *
 * @param switched true when the previous dispatch was for another model (a model switch)
 */
public record Dispatch(ModelId model, List<QueuedJob> jobs, Reason reason, boolean switched) {

    public enum Reason {
        /** The best job by priority and order (and its model's next best jobs). */
        PRIORITY,
        /** The loaded model's jobs, preferred over a better job for another model. */
        AFFINITY,
        /** A job waited past the starvation bound and forces its model. */
        STARVATION
    }

    public Dispatch {
        jobs = List.copyOf(jobs);
    }
}
