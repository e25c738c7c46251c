package io.soundbox.generation.config;

import io.quarkus.runtime.Startup;
import io.soundbox.events.ModelId;
import io.soundbox.audio.loudness.LoudnessNormalizer;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.audio.spectrogram.SpectrogramRenderer;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.EngineSelector;
import io.soundbox.generation.engine.onnx.NeuralSettings;
import io.soundbox.generation.engine.onnx.OrtSessions;
import io.soundbox.generation.quality.ClipWriter;
import io.soundbox.generation.quality.QualityRetry;
import io.soundbox.generation.job.FinishedJobs;
import io.soundbox.generation.job.JobEvents;
import io.soundbox.generation.job.DurationLimits;
import io.soundbox.generation.job.JobIntake;
import io.soundbox.generation.job.JobQueue;
import io.soundbox.generation.job.JobRunner;
import io.soundbox.generation.store.AudioStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Builds the plain-Java parts of the service (engines, store, queue) from configuration. */
@ApplicationScoped
public class GenerationBeans {
    private static final Logger LOG = Logger.getLogger(GenerationBeans.class);
    /** Finished job ids remembered for re-deliveries; the stored files cover the rest. */
    private static final int FINISHED_JOBS_REMEMBERED = 10_000;

    /** Created at start so a misconfigured path fails the start, not the first job. */
    @Produces
    @Singleton
    @Startup
    AudioStore audioStore(GenerationConfig config) {
        AudioStore store = AudioStore.open(config.audioDir().orElse(config.dataDir().resolve("audio")));
        LOG.infof("audio store at %s", store.dir());
        int leftovers = store.clearWork();
        if (leftovers > 0) {
            LOG.infof("removed %d unfinished clip(s) of an earlier run from %s", leftovers, store.workDir());
        }
        return store;
    }

    /** Installed exports under the models directory serve their model; procedural engines the rest. */
    @Produces
    @Singleton
    EngineCatalog engines(GenerationConfig config) {
        GenerationConfig.Engines e = config.engines();
        Map<ModelId, EngineSelector.Choice> choices = new EnumMap<>(ModelId.class);
        e.choice().forEach((model, choice) -> choices.put(ModelId.parse(model).orElseThrow(
                () -> new IllegalArgumentException("soundbox.engines.choice: unknown model '" + model + "'")),
                EngineSelector.Choice.parse(choice)));
        Path modelsDir = e.modelsDir().orElse(config.dataDir().resolve("models"));
        return new EngineSelector(modelsDir, new OrtSessions(e.preferGpu(), e.intraOpThreads()),
                model -> neuralSettings(model, e)).select(choices);
    }

    static NeuralSettings neuralSettings(ModelId model, GenerationConfig.Engines e) {
        NeuralSettings base = model == ModelId.AUDIO ? NeuralSettings.audioDefaults() : NeuralSettings.musicDefaults();
        return base.withSampling(e.topK(), e.temperature(), e.guidanceScale())
                .withLimits(e.maxDurationSeconds(), e.maxBatch())
                .withMagnet(e.magnetSteps(), base.magnetMaxGuidance(), base.magnetMinGuidance());
    }

    void closeEngines(@Disposes EngineCatalog engines) {
        engines.entries().forEach(entry -> entry.engine().close());
    }

    @Produces
    @Singleton
    JobRunner jobRunner(EngineCatalog engines, AudioStore store, JobEvents events, GenerationConfig config) {
        GenerationConfig.Quality q = config.quality();
        LoudnessNormalizer normalizer = q.targetLufs() < 0
                ? new LoudnessNormalizer(q.targetLufs(), q.ceilingDbfs(), 24) : null;
        return new JobRunner(engines, store, events, new FinishedJobs(FINISHED_JOBS_REMEMBERED), Clock.systemUTC(),
                new QualityRetry(new QualityAnalyzer(), q.maxAttempts(), q.minScore()),
                new ClipWriter(store, normalizer, q.spectrograms() ? SpectrogramRenderer.DEFAULT : null));
    }

    // The JobQueue (scheduler, model lifecycle) is built by SchedulingBeans.

    @Produces
    @Singleton
    JobIntake jobIntake(JobRunner runner, JobQueue queue, EngineCatalog engines, GenerationConfig config) {
        GenerationConfig.Generation g = config.generation();
        Map<ModelId, Integer> perModel = new EnumMap<>(ModelId.class);
        g.modelMaxDurationSeconds().forEach((model, max) -> perModel.put(ModelId.parse(model).orElseThrow(
                () -> new IllegalArgumentException("soundbox.generation.model-max-duration-seconds: unknown model '"
                        + model + "'")), max));
        return new JobIntake(runner, queue, engines, new DurationLimits(g.maxDurationSeconds(), perModel, engines));
    }
}
