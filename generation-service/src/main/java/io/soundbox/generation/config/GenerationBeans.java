package io.soundbox.generation.config;

import io.quarkus.runtime.Startup;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.job.FinishedJobs;
import io.soundbox.generation.job.JobEvents;
import io.soundbox.generation.job.JobIntake;
import io.soundbox.generation.job.JobQueue;
import io.soundbox.generation.job.JobRunner;
import io.soundbox.generation.store.AudioStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
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
        return store;
    }

    @Produces
    @Singleton
    EngineCatalog engines() {
        AudioEngine music = new MusicEngine();
        AudioEngine sfx = new SfxEngine();
        // Until model weights are installed, MAGNeT requests are served by the same procedural engines.
        return new EngineCatalog(Map.of(ModelId.MUSIC, music, ModelId.AUDIO, sfx,
                ModelId.MAGNET_MUSIC, music, ModelId.MAGNET_AUDIO, sfx));
    }

    @Produces
    @Singleton
    JobRunner jobRunner(EngineCatalog engines, AudioStore store, JobEvents events) {
        return new JobRunner(engines, store, events, new FinishedJobs(FINISHED_JOBS_REMEMBERED), Clock.systemUTC());
    }

    @Produces
    @Singleton
    JobQueue jobQueue(JobRunner runner, GenerationConfig config) {
        return new JobQueue(runner, config.generation().workerThreads(), config.generation().maxQueued());
    }

    void closeQueue(@Disposes JobQueue queue) {
        queue.close();
    }

    @Produces
    @Singleton
    JobIntake jobIntake(JobRunner runner, JobQueue queue, EngineCatalog engines, GenerationConfig config) {
        return new JobIntake(runner, queue, engines, config.generation().maxDurationSeconds());
    }
}
