package io.soundbox.generation.engine;

/** Receives the fraction of work done, 0.0 to 1.0, from the generating thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> { };

    void onProgress(double fraction);
}
