package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/** Seeded noise sources; one instance per voice so renders are reproducible. */
final class Noise {
    private final SplittableRandom rng;
    private double brown;
    private double p0;
    private double p1;
    private double p2;

    Noise(SplittableRandom rng) {
        this.rng = rng;
    }

    /** Uniform white noise in [-1, 1). */
    double white() {
        return rng.nextDouble() * 2 - 1;
    }

    /** Pink-ish noise (Paul Kellet's economy filter): softer highs for rain and surf. */
    double pink() {
        double w = white();
        p0 = 0.99765 * p0 + w * 0.0990460;
        p1 = 0.96300 * p1 + w * 0.2965164;
        p2 = 0.57000 * p2 + w * 1.0526913;
        return (p0 + p1 + p2 + w * 0.1848) * 0.25;
    }

    /** Brown noise (leaky integrated white): rumble for thunder, fire and engines. */
    double brown() {
        brown = (brown + 0.02 * white()) * 0.998;
        return brown * 3.5;
    }
}
