package io.soundbox.generation.engine.procedural;

/** Measurements the engine tests compare; plain time-domain maths, no FFT needed. */
final class Signals {
    private Signals() {
    }

    /** Sign changes per sample: high for noise and bright sounds, low for bass and pure tones. */
    static double zeroCrossingRate(float[] x) {
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if ((x[i - 1] >= 0) != (x[i] >= 0)) {
                crossings++;
            }
        }
        return crossings / (double) (x.length - 1);
    }

    /**
     * RMS of the first difference over the RMS of the signal: the root-mean-square frequency of the power
     * spectrum in radians per sample, a stand-in for the spectral centroid.
     */
    static double brightness(float[] x) {
        double d = 0;
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            double diff = x[i] - x[i - 1];
            d += diff * diff;
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(d / s);
    }

    /** The 99th percentile of |x[i+1] - x[i]|: a typical large step between neighbouring samples. */
    static double typicalLargeStep(float[] x) {
        double[] steps = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            steps[i - 1] = Math.abs(x[i] - x[i - 1]);
        }
        java.util.Arrays.sort(steps);
        return steps[(int) (steps.length * 0.99)];
    }
}
