package io.soundbox.generation.engine.procedural;

/** One-pole low-pass (and its complementary high-pass): cheap, stable, 6 dB/octave. */
final class OnePole {
    private final double sampleRate;
    private double a;
    private double state;

    OnePole(double cutoffHz, double sampleRate) {
        this.sampleRate = sampleRate;
        setCutoff(cutoffHz);
    }

    void setCutoff(double cutoffHz) {
        a = 1 - Math.exp(-Synth.TWO_PI * Math.min(cutoffHz, sampleRate * 0.45) / sampleRate);
    }

    double lowPass(double x) {
        state += a * (x - state);
        return state;
    }

    double highPass(double x) {
        return x - lowPass(x);
    }
}
