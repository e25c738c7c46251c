package io.soundbox.generation.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.soundbox.events.ModelId;
import io.soundbox.generation.job.JobQueue;
import io.soundbox.generation.job.JobQueueListener;
import io.soundbox.generation.model.LifecycleListener;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelState;
import io.soundbox.generation.scheduler.Dispatch;
import io.soundbox.generation.scheduler.QueuedJob;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * Scheduler and model metrics on {@code /q/metrics}: state per model, load time, switches, queue depth
 * per priority, wait time per tier. Plain Micrometer; registered once the queue exists.
 */
public final class GenerationMetrics implements JobQueueListener, LifecycleListener {
    private final MeterRegistry registry;

    public GenerationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Gauges that read the queue and the lifecycle when scraped. */
    public void bind(JobQueue queue, ModelLifecycle models) {
        for (int p = 0; p <= SchedulingPolicy.LOWEST_PRIORITY; p++) {
            int priority = p;
            Gauge.builder("soundbox.queue.depth", queue, q -> q.depthByPriority().getOrDefault(priority, 0))
                    .description("Jobs queued on this instance, by priority (0 = admin, 4 = free)")
                    .tag("priority", String.valueOf(priority)).register(registry);
        }
        for (ModelLifecycle.ModelStatus s : models.snapshot()) {
            for (ModelState state : ModelState.values()) {
                Gauge.builder("soundbox.model.state", models,
                                m -> m.status(s.model()).map(x -> x.state() == state ? 1 : 0).orElse(0))
                        .description("1 when the model is in this state")
                        .tags("model", s.model().wireName(), "state", state.wireName()).register(registry);
            }
        }
        Gauge.builder("soundbox.memory.free", models, m -> m.memory().freeMb())
                .description("Free memory of the device models load into (MiB)").baseUnit("mebibytes")
                .register(registry);
    }

    @Override
    public void dispatched(Dispatch d, long nowMs) {
        if (d.switched()) {
            Counter.builder("soundbox.scheduler.switches").description("Model switches made by the scheduler")
                    .tag("model", d.model().wireName()).register(registry).increment();
        }
        Counter.builder("soundbox.scheduler.dispatches").tag("reason", d.reason().name().toLowerCase(Locale.ROOT))
                .tag("model", d.model().wireName()).register(registry).increment();
        DistributionSummary.builder("soundbox.scheduler.batch.size").register(registry).record(d.jobs().size());
        for (QueuedJob j : d.jobs()) {
            Timer.builder("soundbox.queue.wait").description("Time from queueing to start, by tier")
                    .tag("tier", j.tier() == null ? "unknown" : j.tier().toLowerCase(Locale.ROOT))
                    .publishPercentiles(0.5, 0.95).register(registry).record(Duration.ofMillis(j.waitedMs(nowMs)));
        }
    }

    @Override
    public void loaded(ModelId model, long elapsedMs) {
        Timer.builder("soundbox.model.load.time").description("Model load time").tag("model", model.wireName())
                .register(registry).record(Duration.ofMillis(elapsedMs));
    }

    @Override
    public void unloaded(ModelId model, String why) {
        Counter.builder("soundbox.model.unloads").tag("model", model.wireName()).register(registry).increment();
    }

    @Override
    public void loadFailed(ModelId model, String why) {
        Counter.builder("soundbox.model.load.failures").tag("model", model.wireName()).register(registry).increment();
    }
}
