package io.soundbox.generation.job;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.store.AudioStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs jobs through the real job pipeline (procedural engines, quality retries, loudness, spectrogram,
 * WAV) at each model's maximum duration, in whatever heap this JVM was given; {@link LongJobMemoryTest}
 * starts it with the services' {@code -Xmx256m -XX:+UseSerialGC}. Prints one line per job:
 * {@code <jobId> <state> <seconds> <reason>}, then the peak heap used.
 */
public final class LongJobMain {
    private LongJobMain() {
    }

    public static void main(String[] args) {
        AudioStore store = AudioStore.open(Path.of(args[0]));
        EngineCatalog engines = new EngineCatalog(Map.of(ModelId.MUSIC, new MusicEngine(), ModelId.AUDIO, new SfxEngine()));
        DurationLimits limits = new DurationLimits(600, Map.of(), engines);
        RecordingJobEvents events = new RecordingJobEvents();
        JobRunner runner = new JobRunner(engines, store, events, new FinishedJobs(10), Clock.systemUTC());
        for (String arg : args[1].split(",")) {
            ModelId model = ModelId.parse(arg.split(":")[0]).orElseThrow();
            boolean loop = arg.endsWith(":loop");
            int seconds = limits.maxFor(model);
            String jobId = "long-" + model.wireName() + (loop ? "-loop" : "");
            GenerationRequested request = new GenerationRequested(SchemaVersion.CURRENT, jobId, "admin-1", "admin", 0,
                    model, model == ModelId.MUSIC ? "ambient piano with soft strings" : "rain and thunder", seconds,
                    loop, null, Instant.now());
            long started = System.nanoTime();
            runner.run(request, CancellationCheck.NEVER);
            List<JobStatus> statuses = events.statuses(jobId);
            JobStatus last = statuses.get(statuses.size() - 1);
            System.out.printf("%s %s %d %.1f %s%n", jobId, last.state().wireName(), seconds,
                    (System.nanoTime() - started) / 1e9, last.error());
            events.clear();
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("peak-heap-mb %d max-heap-mb %d%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
