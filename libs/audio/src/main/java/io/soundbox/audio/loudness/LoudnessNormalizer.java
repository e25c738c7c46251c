package io.soundbox.audio.loudness;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import java.io.IOException;

/**
 * Brings a clip to a target integrated loudness with one gain, never pushing the peak over a ceiling and
 * never boosting by more than a limit (a near-silent clip stays near silent instead of becoming hiss).
 * A plain gain keeps the waveform's shape; clips that would need more are left slightly quieter.
 *
 * @param targetLufs  -14 LUFS by default, what streaming services normalise music to
 * @param ceilingDbfs highest sample peak after the gain, -1 dBFS by default
 * @param maxGainDb   largest boost applied
 */
public record LoudnessNormalizer(double targetLufs, double ceilingDbfs, double maxGainDb) {
    public static final LoudnessNormalizer DEFAULT = new LoudnessNormalizer(-14, -1, 24);

    public LoudnessNormalizer {
        if (targetLufs >= 0 || ceilingDbfs > 0 || maxGainDb < 0) {
            throw new IllegalArgumentException("target must be below 0 LUFS, ceiling at most 0 dBFS, max gain >= 0");
        }
    }

    /** The gain (linear) this normaliser applies to the clip. */
    public double gainFor(PcmBuffer pcm) {
        return gainFor(new LoudnessMeter().integratedLufs(pcm), pcm.peak());
    }

    /** The gain for a clip of any length, measured in one streaming pass. */
    public double gainFor(PcmSource pcm) throws IOException {
        LoudnessMeter.Measurement m = new LoudnessMeter().measure(pcm);
        return gainFor(m.lufs(), m.peak());
    }

    /** The gain for a clip of this integrated loudness and sample peak. */
    public double gainFor(double lufs, float peak) {
        if (Double.isInfinite(lufs)) {
            return 1.0;
        }
        double gainDb = Math.min(maxGainDb, targetLufs - lufs);
        double gain = Math.pow(10, gainDb / 20);
        double ceiling = Math.pow(10, ceilingDbfs / 20);
        if (peak > 0 && peak * gain > ceiling) {
            gain = ceiling / peak;
        }
        return gain;
    }

    /** A new buffer at the target loudness (or as close as the ceiling allows). */
    public PcmBuffer normalize(PcmBuffer pcm) {
        double gain = gainFor(pcm);
        float[] in = pcm.samples();
        float[] out = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) (in[i] * gain);
        }
        return new PcmBuffer(pcm.sampleRate(), pcm.channels(), out);
    }
}
