package io.soundbox.generation.engine.procedural;

/** A {@link Signal} written as a function of time since its start; subclasses may keep filter state. */
abstract class Timed implements Signal {
    private final double sampleRate;
    private long frame;

    Timed(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    @Override
    public final double next() {
        return at(frame++ / sampleRate);
    }

    /** The sample at {@code t} seconds; called once per sample with increasing t. */
    abstract double at(double t);

    /** True every {@code every}-th sample: where slowly moving filters are re-tuned. */
    boolean tick(int every) {
        return frame % every == 1;
    }
}
