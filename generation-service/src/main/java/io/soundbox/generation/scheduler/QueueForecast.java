package io.soundbox.generation.scheduler;

import io.soundbox.events.ModelId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Predicts each queued job's place and time to completion by running a copy of the scheduler forward on
 * estimated costs: the same rules that will pick the jobs (affinity, batching, starvation) give the
 * order, so the position a user sees is the order they will actually be served in, as far as the
 * estimates hold. Pure; O(n^2) in the queue length, which is bounded and small.
 */
public final class QueueForecast {

    /**
     * @param position 1 = runs next
     * @param etaMs    estimated time until the job completes
     */
    public record Estimate(int position, long etaMs) {
    }

    private QueueForecast() {
    }

    /**
     * @param busyForMs time the work running now still needs (0 when idle)
     * @return estimates per job id, in predicted run order
     */
    public static Map<String, Estimate> of(JobScheduler scheduler, long nowMs, long busyForMs, CostModel costs,
                                           ToIntFunction<ModelId> batchLimit) {
        return of(scheduler, nowMs, busyForMs, costs, batchLimit, m -> false);
    }

    /** @param resident models in memory now, as the scheduler sees them (held for the whole forecast) */
    public static Map<String, Estimate> of(JobScheduler scheduler, long nowMs, long busyForMs, CostModel costs,
                                           ToIntFunction<ModelId> batchLimit, Predicate<ModelId> resident) {
        JobScheduler sim = scheduler.copy();
        Map<String, Estimate> out = new LinkedHashMap<>();
        long t = nowMs + Math.max(0, busyForMs);
        int position = 1;
        ModelId loaded = sim.currentModel();
        while (!sim.isEmpty()) {
            Dispatch d = sim.next(t, batchLimit, resident).orElseThrow();
            long cost = costs.switchMs(loaded, d.model()) + costs.runMs(d.model(), d.jobs());
            loaded = d.model();
            t += cost;
            for (QueuedJob j : d.jobs()) {
                out.put(j.jobId(), new Estimate(position++, t - nowMs));
            }
        }
        return out;
    }
}
