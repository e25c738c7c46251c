package io.soundbox.audio.loudness;

import io.soundbox.audio.PcmBuffer;

/**
 * Integrated loudness in LUFS after ITU-R BS.1770-4: K-weighting (a high shelf and a high pass, with the
 * coefficients derived for any sample rate as libebur128 does), 400 ms blocks every 100 ms, an absolute
 * gate at -70 LUFS and a relative gate 10 LU below the ungated mean. Stateless and thread-safe.
 */
public final class LoudnessMeter {
    public static final double ABSOLUTE_GATE_LUFS = -70;
    private static final double RELATIVE_GATE_LU = -10;

    /** @return LUFS, or {@link Double#NEGATIVE_INFINITY} for silence (nothing above the absolute gate) */
    public double integratedLufs(PcmBuffer pcm) {
        int channels = pcm.channels();
        int frames = pcm.frames();
        if (frames == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[][] weighted = new double[channels][];
        for (int c = 0; c < channels; c++) {
            weighted[c] = kWeight(pcm.channel(c), pcm.sampleRate());
        }
        int block = Math.min(frames, (int) Math.round(0.4 * pcm.sampleRate()));
        int step = Math.max(1, (int) Math.round(0.1 * pcm.sampleRate()));
        int blocks = 1 + (frames - block) / step;
        double[] power = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                double[] x = weighted[c];
                double s = 0;
                for (int i = b * step, end = i + block; i < end; i++) {
                    s += x[i] * x[i];
                }
                sum += s / block;
            }
            power[b] = sum;
        }
        double absGate = lufsToPower(ABSOLUTE_GATE_LUFS);
        double ungated = gatedMean(power, absGate);
        if (Double.isNaN(ungated)) {
            return Double.NEGATIVE_INFINITY;
        }
        double relGate = ungated * Math.pow(10, RELATIVE_GATE_LU / 10);
        double gated = gatedMean(power, Math.max(absGate, relGate));
        return powerToLufs(Double.isNaN(gated) ? ungated : gated);
    }

    private static double gatedMean(double[] power, double gate) {
        double sum = 0;
        int n = 0;
        for (double p : power) {
            if (p > gate) {
                sum += p;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static double powerToLufs(double power) {
        return -0.691 + 10 * Math.log10(power);
    }

    static double lufsToPower(double lufs) {
        return Math.pow(10, (lufs + 0.691) / 10);
    }

    static double[] kWeight(float[] x, int rate) {
        // Stage 1: the head's high shelf (+4 dB above ~1.7 kHz).
        double k = Math.tan(Math.PI * 1681.974450955533 / rate);
        double q = 0.7071752369554196;
        double vh = Math.pow(10, 3.999843853973347 / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        double[] shelf = {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
            2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
        // Stage 2: the RLB high pass (~38 Hz).
        k = Math.tan(Math.PI * 38.13547087602444 / rate);
        q = 0.5003270373238773;
        a0 = 1 + k / q + k * k;
        double[] highPass = {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        biquad(y, shelf);
        biquad(y, highPass);
        return y;
    }

    /** In place, direct form I; {@code c = b0, b1, b2, a1, a2}. */
    private static void biquad(double[] x, double[] c) {
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double in = x[i];
            double out = c[0] * in + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = out;
            x[i] = out;
        }
    }
}
