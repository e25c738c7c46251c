package io.soundbox.generation.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.job.JobQueue;
import io.soundbox.generation.job.JobRunner;
import io.soundbox.generation.metrics.GenerationMetrics;
import io.soundbox.generation.model.HostMemoryProbe;
import io.soundbox.generation.model.LifecycleListener;
import io.soundbox.generation.model.MemoryProbe;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelSpec;
import io.soundbox.generation.model.NvidiaSmiProbe;
import io.soundbox.generation.scheduler.JobScheduler;
import io.soundbox.generation.scheduler.RunTimeEstimator;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the scheduler, the model lifecycle and the job queue that joins them, from configuration. */
@ApplicationScoped
public class SchedulingBeans {
    private static final Logger LOG = Logger.getLogger(SchedulingBeans.class);
    private static final long MIB = 1024 * 1024;
    /** What each model loads when real weights serve it (the original's models). */
    private static final Map<ModelId, String> WEIGHTS = Map.of(ModelId.MUSIC, "musicgen-small",
            ModelId.AUDIO, "audiogen-medium", ModelId.MAGNET_MUSIC, "magnet-small-10secs",
            ModelId.MAGNET_AUDIO, "audio-magnet-medium");

    /** Set once the lifecycle exists; the estimator asks it which models are loaded. */
    private volatile ModelLifecycle lifecycle;

    @Produces
    @Singleton
    MemoryProbe memoryProbe(GenerationConfig config) {
        GenerationConfig.Models m = config.models();
        String mode = m.memoryProbe().trim().toLowerCase(Locale.ROOT);
        MemoryProbe probe = switch (mode) {
            case "none" -> MemoryProbe.UNLIMITED;
            case "host" -> new HostMemoryProbe();
            case "nvidia-smi" -> new NvidiaSmiProbe(m.nvidiaSmiCommand(), m.gpuIndex());
            case "auto" -> NvidiaSmiProbe.isAvailable(m.nvidiaSmiCommand())
                    ? new NvidiaSmiProbe(m.nvidiaSmiCommand(), m.gpuIndex()) : new HostMemoryProbe();
            default -> throw new IllegalArgumentException("soundbox.models.memory-probe must be auto, nvidia-smi, host "
                    + "or none, not '" + m.memoryProbe() + "'");
        };
        LOG.infof("model memory probe: %s", probe.getClass().getSimpleName());
        return probe;
    }

    @Produces
    @Singleton
    GenerationMetrics metrics(MeterRegistry registry) {
        return new GenerationMetrics(registry);
    }

    @Produces
    @Singleton
    RunTimeEstimator runTimeEstimator(GenerationConfig config) {
        GenerationConfig.Scheduler s = config.scheduler();
        return new RunTimeEstimator(s.initialGenerationTimePerAudioSecond().toMillis(), s.initialLoadTime().toMillis(),
                model -> lifecycle != null && lifecycle.isLoaded(model));
    }

    @Produces
    @Singleton
    ModelLifecycle modelLifecycle(EngineCatalog engines, MemoryProbe probe, GenerationConfig config,
                                  GenerationMetrics metrics, RunTimeEstimator estimator) {
        GenerationConfig.Models m = config.models();
        List<ModelSpec> specs = new ArrayList<>();
        for (EngineCatalog.Entry e : engines.entries()) {
            specs.add(new ModelSpec(e.model(), WEIGHTS.getOrDefault(e.model(), e.model().wireName()),
                    memoryNeedMb(e.model(), e.engine(), m)));
        }
        LifecycleListener listener = new LifecycleListener() {
            @Override
            public void loaded(ModelId model, long elapsedMs) {
                estimator.recordLoad(model, elapsedMs);
                metrics.loaded(model, elapsedMs);
            }

            @Override
            public void unloaded(ModelId model, String why) {
                metrics.unloaded(model, why);
            }

            @Override
            public void loadFailed(ModelId model, String why) {
                metrics.loadFailed(model, why);
            }
        };
        // Neural engines open their sessions on load and release them on unload; procedural ones hold nothing.
        ModelLifecycle created = new ModelLifecycle(specs,
                new EngineModelLoader(engines, model -> lifecycle != null && lifecycle.isLoaded(model)), probe,
                new ModelLifecycle.Policy(m.reserveMb(), m.idleUnload().toMillis(), m.memoryWait().toMillis(), 2_000,
                        !m.accountWeightless()),
                System::currentTimeMillis, listener);
        lifecycle = created;
        return created;
    }

    /**
     * The configured need (the original's numbers) for engines that hold weights; engines without weights
     * need nothing unless {@code account-weightless} asks to budget them anyway.
     */
    static long memoryNeedMb(ModelId model, AudioEngine engine, GenerationConfig.Models m) {
        long engineMb = (engine.memoryBytes() + MIB - 1) / MIB;
        if (engineMb == 0 && !m.accountWeightless()) {
            return 0;
        }
        return Optional.ofNullable(m.memoryMb().get(model.wireName())).orElse(engineMb);
    }

    /** Created at start, so workers, idle unloading and the metrics exist before the first request. */
    @Produces
    @Singleton
    @Startup
    JobQueue jobQueue(JobRunner runner, EngineCatalog engines, ModelLifecycle models, RunTimeEstimator estimator,
                      GenerationMetrics metrics, GenerationConfig config) {
        GenerationConfig.Scheduler s = config.scheduler();
        GenerationConfig.Generation g = config.generation();
        SchedulingPolicy policy = new SchedulingPolicy(s.affinityLimit(), s.starvation().toMillis(), s.maxBatch(),
                g.workerThreads() + g.maxQueued(), s.tierPriority(), s.maxPending());
        JobQueue queue = new JobQueue(runner, new JobScheduler(policy), models, estimator,
                model -> engines.engineFor(model).filter(AudioEngine::supportsBatching)
                        .map(AudioEngine::maxBatchSize).orElse(1),
                metrics, new JobQueue.Settings(g.workerThreads(), g.maxQueued(), s.announceInterval().toMillis(), 5_000,
                System::currentTimeMillis, g.heartbeatInterval().toMillis()));
        metrics.bind(queue, models);
        return queue;
    }

    void closeQueue(@Disposes JobQueue queue) {
        queue.close();
        queue.models().close();
    }

    /** Preloads the configured models in the background, so a slow load does not hold up the start. */
    void preload(@Observes StartupEvent event, ModelLifecycle models, GenerationConfig config) {
        List<ModelId> wanted = new ArrayList<>();
        for (String name : config.models().preload().orElse(List.of())) {
            Optional<ModelId> id = ModelId.parse(name);
            if (id.isEmpty() || models.status(id.get()).isEmpty()) {
                LOG.warnf("not preloading '%s': no such model is served here", name);
            } else {
                wanted.add(id.get());
            }
        }
        if (!wanted.isEmpty()) {
            Thread t = new Thread(() -> wanted.forEach(models::preload), "model-preload");
            t.setDaemon(true);
            t.start();
        }
    }
}
