package io.soundbox.generation.engine;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a prompt into audio. Implementations are plain Java (no CDI), may be slow (a real model takes
 * seconds to minutes) and are called from a job worker thread, one call at a time per engine.
 */
public interface AudioEngine extends AutoCloseable {

    /** Stable name shown by {@code GET /models}, e.g. {@code procedural-music}. */
    String name();

    int sampleRate();

    /**
     * @return exactly {@code round(input.durationSeconds() * sampleRate())} frames
     * @throws GenerationCancelledException when {@code cancelled} reported true before the end
     */
    PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled);

    /**
     * Renders the clip for the job pipeline as a source the caller closes. Default: {@link #generate} in
     * the heap, which is bounded for engines whose {@link #maxDurationSeconds} is short (neural engines:
     * their context). Engines that accept long clips render in chunks to a spool under {@code workDir}.
     */
    default PcmSource render(GenerationInput input, Path workDir, ProgressListener progress, CancellationCheck cancelled) {
        return PcmSource.of(generate(input, progress, cancelled));
    }

    /** Where {@link #generate} of a spooling engine keeps its spool for the moment it runs. */
    static Path scratchDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Generates several requests in one run where the engine can (a neural engine batches prompts in one
     * forward pass); the default runs them one after the other. Results are in the order of the inputs.
     * Progress covers the whole batch.
     */
    default List<PcmBuffer> generateBatch(List<GenerationInput> inputs, ProgressListener progress,
            CancellationCheck cancelled) {
        List<PcmBuffer> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            int done = i;
            out.add(generate(inputs.get(i), f -> progress.onProgress((done + f) / inputs.size()), cancelled));
        }
        return out;
    }

    /** True when {@link #generateBatch} is faster than one {@link #generate} per input. */
    default boolean supportsBatching() {
        return false;
    }

    /** Most inputs one {@link #generateBatch} call takes; 1 for engines without batching. */
    default int maxBatchSize() {
        return 1;
    }

    /** Longest clip this engine produces in one call; the intake rejects longer requests. */
    default int maxDurationSeconds() {
        return Integer.MAX_VALUE;
    }

    /**
     * Where the engine computes, as {@code GET /models} shows it: {@code cpu} or {@code cuda}; empty while a
     * neural engine is not loaded (its device is decided when its sessions open). Plain Java engines: cpu.
     */
    default java.util.Optional<String> device() {
        return java.util.Optional.of("cpu");
    }

    /** Accelerator (or, on CPU, heap) memory the loaded engine needs, for the model lifecycle; 0 if none. */
    default long memoryBytes() {
        return 0;
    }

    /**
     * Loads the engine's weights now (idempotent; the model lifecycle calls it before a model's jobs run).
     * Engines without weights do nothing; neural engines also load lazily on their first generation.
     *
     * @throws RuntimeException with a readable message when the model files are missing or broken
     */
    default void load() {
    }

    /** Releases the weights and native resources (ONNX sessions); a later generation loads them again. */
    @Override
    default void close() {
    }

    /** Frame count every engine must produce for a duration. */
    static int frameCount(double durationSeconds, int sampleRate) {
        return (int) Math.round(durationSeconds * sampleRate);
    }
}
