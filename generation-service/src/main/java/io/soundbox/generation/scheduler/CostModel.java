package io.soundbox.generation.scheduler;

import io.soundbox.events.ModelId;
import java.util.List;

/** How long things take, in milliseconds: what forecasts and the benchmark simulate with. */
public interface CostModel {

    /** Switching the loaded model to {@code to}; 0 when it is ready already. */
    long switchMs(ModelId from, ModelId to);

    /** Running one dispatch (a batch of same-model jobs, or a single job). */
    long runMs(ModelId model, List<QueuedJob> batch);
}
