package io.soundbox.generation.engine.procedural;

/** Small pure functions shared by the procedural engines: pitch, oscillators, envelopes, panning. */
final class Synth {
    static final double TWO_PI = 2 * Math.PI;

    private Synth() {
    }

    static double midiToHz(double midi) {
        return 440.0 * Math.pow(2, (midi - 69) / 12.0);
    }

    /** Band-limited-ish triangle from three odd harmonics: soft enough for a lead without aliasing. */
    static double triangle(double phase) {
        return (Math.sin(phase) - Math.sin(3 * phase) / 9 + Math.sin(5 * phase) / 25) * 0.81;
    }

    /** Saw from the first {@code harmonics} partials, each partial scaled by {@code tilt^(n-1)/n}. */
    static double softSaw(double phase, int harmonics, double tilt) {
        double s = 0;
        double weight = 1;
        for (int n = 1; n <= harmonics; n++) {
            s += Math.sin(n * phase) * weight / n;
            weight *= tilt;
        }
        return s * 0.6;
    }

    /** Linear attack, hold, exponential-ish release; zero outside [0, length + release]. */
    static double attackRelease(double t, double attack, double length, double release) {
        if (t < 0) {
            return 0;
        }
        if (t < attack) {
            return t / attack;
        }
        if (t < length) {
            return 1;
        }
        double r = (t - length) / release;
        return r >= 1 ? 0 : (1 - r) * (1 - r);
    }

    /** Percussive envelope: a short linear attack, then exponential decay with time constant tau. */
    static double percussive(double t, double attack, double tau) {
        if (t < 0) {
            return 0;
        }
        return t < attack ? t / attack : Math.exp(-(t - attack) / tau);
    }

    /** Smooth 0..1..0 bell over [0, length] (raised cosine). */
    static double bell(double t, double length) {
        if (t <= 0 || t >= length) {
            return 0;
        }
        return 0.5 - 0.5 * Math.cos(TWO_PI * t / length);
    }

    /** Equal-power pan gain for the left channel; pan from -1 (left) to 1 (right). */
    static double panLeft(double pan) {
        return Math.cos((pan + 1) * Math.PI / 4);
    }

    static double panRight(double pan) {
        return Math.sin((pan + 1) * Math.PI / 4);
    }
}
