package io.soundbox.generation.engine.procedural;

/**
 * Second-order filter with the coefficients of the RBJ audio-EQ cookbook. The cutoff may move while
 * running (wind gusts, explosion sweeps); callers re-tune every few dozen samples, not every sample.
 */
final class Biquad {
    enum Type { LOW_PASS, HIGH_PASS, BAND_PASS }

    private final Type type;
    private final double sampleRate;
    private double b0;
    private double b1;
    private double b2;
    private double a1;
    private double a2;
    private double x1;
    private double x2;
    private double y1;
    private double y2;

    Biquad(Type type, double frequencyHz, double q, double sampleRate) {
        this.type = type;
        this.sampleRate = sampleRate;
        tune(frequencyHz, q);
    }

    void tune(double frequencyHz, double q) {
        double f = Math.max(10, Math.min(frequencyHz, sampleRate * 0.45));
        double w = Synth.TWO_PI * f / sampleRate;
        double alpha = Math.sin(w) / (2 * q);
        double cos = Math.cos(w);
        double a0 = 1 + alpha;
        switch (type) {
            case LOW_PASS -> {
                b0 = (1 - cos) / 2;
                b1 = 1 - cos;
                b2 = (1 - cos) / 2;
            }
            case HIGH_PASS -> {
                b0 = (1 + cos) / 2;
                b1 = -(1 + cos);
                b2 = (1 + cos) / 2;
            }
            case BAND_PASS -> {
                b0 = alpha;
                b1 = 0;
                b2 = -alpha;
            }
        }
        b0 /= a0;
        b1 /= a0;
        b2 /= a0;
        a1 = -2 * cos / a0;
        a2 = (1 - alpha) / a0;
    }

    double process(double x) {
        double y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }
}
