package io.soundbox.audio.loudness;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import java.io.IOException;
import java.io.UncheckedIOException;

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
        try {
            return integratedLufs(PcmSource.of(pcm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, streamed: K-weighting filters carry their state across chunks, blocks come from a ring. */
    public double integratedLufs(PcmSource pcm) throws IOException {
        Measurement m = measure(pcm);
        return m.lufs();
    }

    /** Integrated loudness and sample peak of a source, in one pass. */
    public record Measurement(double lufs, float peak) {
    }

    public Measurement measure(PcmSource pcm) throws IOException {
        int channels = pcm.channels();
        long frames = pcm.frames();
        if (frames == 0) {
            return new Measurement(Double.NEGATIVE_INFINITY, 0f);
        }
        int rate = pcm.sampleRate();
        int block = (int) Math.min(frames, Math.round(0.4 * rate));
        int step = Math.max(1, (int) Math.round(0.1 * rate));
        long blocks = 1 + (frames - block) / step;
        double[][] coefficients = kWeighting(rate);
        double[][] state = new double[channels * 2][4];
        double[][] ring = new double[channels][block];
        double[] power = new double[(int) Math.min(Integer.MAX_VALUE - 8, blocks)];
        float[] peak = {0f};
        long[] next = {0};
        pcm.forEachChunk(PcmSource.CHUNK_FRAMES, (s, off, n, first) -> {
            for (int f = 0; f < n; f++) {
                long i = first + f;
                for (int c = 0; c < channels; c++) {
                    float v = s[off + f * channels + c];
                    peak[0] = Math.max(peak[0], Math.abs(v));
                    double y = step(state[2 * c], coefficients[0], v);
                    y = step(state[2 * c + 1], coefficients[1], y);
                    ring[c][(int) (i % block)] = y * y;
                }
                long b = next[0];
                if (b < blocks && i == b * step + block - 1) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        double[] x = ring[c];
                        double sq = 0;
                        // In sample order, as a whole-clip sum would add them.
                        for (long k = b * step, end = k + block; k < end; k++) {
                            sq += x[(int) (k % block)];
                        }
                        sum += sq / block;
                    }
                    power[(int) b] = sum;
                    next[0] = b + 1;
                }
            }
        });
        double absGate = lufsToPower(ABSOLUTE_GATE_LUFS);
        double ungated = gatedMean(power, absGate);
        if (Double.isNaN(ungated)) {
            return new Measurement(Double.NEGATIVE_INFINITY, peak[0]);
        }
        double relGate = ungated * Math.pow(10, RELATIVE_GATE_LU / 10);
        double gated = gatedMean(power, Math.max(absGate, relGate));
        return new Measurement(powerToLufs(Double.isNaN(gated) ? ungated : gated), peak[0]);
    }

    /** Direct form I, one sample; {@code st = x1, x2, y1, y2}, {@code c = b0, b1, b2, a1, a2}. */
    private static double step(double[] st, double[] c, double in) {
        double out = c[0] * in + c[1] * st[0] + c[2] * st[1] - c[3] * st[2] - c[4] * st[3];
        st[1] = st[0];
        st[0] = in;
        st[3] = st[2];
        st[2] = out;
        return out;
    }

    /** The head's high shelf (+4 dB above ~1.7 kHz) and the RLB high pass (~38 Hz) for a sample rate. */
    private static double[][] kWeighting(int rate) {
        double k = Math.tan(Math.PI * 1681.974450955533 / rate);
        double q = 0.7071752369554196;
        double vh = Math.pow(10, 3.999843853973347 / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        double[] shelf = {(vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
            2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
        k = Math.tan(Math.PI * 38.13547087602444 / rate);
        q = 0.5003270373238773;
        a0 = 1 + k / q + k * k;
        double[] highPass = {1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0};
        return new double[][] {shelf, highPass};
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
}
