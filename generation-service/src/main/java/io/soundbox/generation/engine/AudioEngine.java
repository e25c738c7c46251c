package io.soundbox.generation.engine;

import io.soundbox.audio.PcmBuffer;

/**
 * Turns a prompt into audio. Implementations are plain Java (no CDI), may be slow (a real model takes
 * seconds to minutes) and are called from a job worker thread, one job at a time per engine.
 */
public interface AudioEngine {

    /** Stable name shown by {@code GET /models}, e.g. {@code procedural-music}. */
    String name();

    int sampleRate();

    /**
     * @return exactly {@code round(input.durationSeconds() * sampleRate())} frames
     * @throws GenerationCancelledException when {@code cancelled} reported true before the end
     */
    PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled);

    /** Frame count every engine must produce for a duration. */
    static int frameCount(double durationSeconds, int sampleRate) {
        return (int) Math.round(durationSeconds * sampleRate);
    }
}
