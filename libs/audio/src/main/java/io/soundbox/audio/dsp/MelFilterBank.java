package io.soundbox.audio.dsp;

/**
 * Triangular mel filters (HTK mel scale, area-normalised like librosa's "slaney" norm) mapping STFT
 * magnitudes to mel bands, as the original's spectrograms did (128 bands up to 8 kHz).
 */
public final class MelFilterBank {
    private final int bands;
    /** Per band: first bin and the weights from there. */
    private final int[] firstBin;
    private final float[][] weights;

    public MelFilterBank(int bands, int fftSize, int sampleRate, double fMin, double fMax) {
        if (bands < 1) {
            throw new IllegalArgumentException("need at least one mel band");
        }
        double nyquist = sampleRate / 2.0;
        double top = Math.min(fMax, nyquist);
        if (!(fMin >= 0 && fMin < top)) {
            throw new IllegalArgumentException("bad mel range " + fMin + ".." + fMax + " Hz at " + sampleRate + " Hz");
        }
        this.bands = bands;
        this.firstBin = new int[bands];
        this.weights = new float[bands][];
        double melMin = hzToMel(fMin);
        double melMax = hzToMel(top);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMin + (melMax - melMin) * i / (bands + 1));
        }
        int bins = fftSize / 2 + 1;
        double binHz = (double) sampleRate / fftSize;
        for (int b = 0; b < bands; b++) {
            double lo = edges[b];
            double mid = edges[b + 1];
            double hi = edges[b + 2];
            int first = (int) Math.ceil(lo / binHz);
            int last = Math.min(bins - 1, (int) Math.floor(hi / binHz));
            double norm = 2.0 / (hi - lo);
            float[] w = new float[Math.max(0, last - first + 1)];
            for (int k = first; k <= last; k++) {
                double f = k * binHz;
                double v = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                w[k - first] = (float) (Math.max(0, v) * norm);
            }
            firstBin[b] = first;
            weights[b] = w;
        }
    }

    public int bands() {
        return bands;
    }

    /** Mel power (magnitude squared, weighted) of one STFT frame. */
    public float[] apply(float[] magnitudes) {
        float[] out = new float[bands];
        for (int b = 0; b < bands; b++) {
            float[] w = weights[b];
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                float m = magnitudes[firstBin[b] + i];
                sum += w[i] * m * m;
            }
            out[b] = (float) sum;
        }
        return out;
    }

    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10, mel / 2595.0) - 1.0);
    }
}
