package io.soundbox.generation.config;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The service's own engines, with the music engine held while a request's prompt starts with
 * {@value #HOLD}: such a job stays running, reporting progress, until it is cancelled or {@link #release()}
 * is called, so tests of a running job do not depend on how long a clip takes. Other prompts are not
 * touched. Test sources only.
 */
@ApplicationScoped
public class HeldMusicEngines {
    public static final String HOLD = "hold:";
    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Lets every held job finish; later held jobs are held again. */
    public static void release() {
        CountDownLatch open = gate;
        gate = new CountDownLatch(1);
        open.countDown();
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    EngineCatalog engines(GenerationConfig config) {
        EngineCatalog real = new GenerationBeans().engines(config);
        Map<ModelId, AudioEngine> engines = new EnumMap<>(ModelId.class);
        real.entries().forEach(e -> engines.put(e.model(), e.model() == ModelId.MUSIC ? new Held(e.engine()) : e.engine()));
        return new EngineCatalog(engines);
    }

    void close(@Disposes EngineCatalog engines) {
        engines.entries().forEach(e -> e.engine().close());
    }

    private static final class Held implements AudioEngine {
        private final AudioEngine real;

        Held(AudioEngine real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public int sampleRate() {
            return real.sampleRate();
        }

        @Override
        public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
            if (input.prompt().startsWith(HOLD)) {
                CountDownLatch held = gate;
                try {
                    while (!held.await(20, TimeUnit.MILLISECONDS)) {
                        progress.onProgress(0.1);
                        if (cancelled.isCancelled()) {
                            throw new GenerationCancelledException();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GenerationCancelledException();
                }
            }
            return real.generate(input, progress, cancelled);
        }

        @Override
        public List<PcmBuffer> generateBatch(List<GenerationInput> inputs, ProgressListener progress,
                                             CancellationCheck cancelled) {
            return inputs.stream().anyMatch(i -> i.prompt().startsWith(HOLD))
                    ? AudioEngine.super.generateBatch(inputs, progress, cancelled)
                    : real.generateBatch(inputs, progress, cancelled);
        }

        @Override
        public boolean supportsBatching() {
            return real.supportsBatching();
        }

        @Override
        public int maxBatchSize() {
            return real.maxBatchSize();
        }

        @Override
        public int maxDurationSeconds() {
            return real.maxDurationSeconds();
        }

        @Override
        public long memoryBytes() {
            return real.memoryBytes();
        }

        @Override
        public void load() {
            real.load();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
