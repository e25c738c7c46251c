package io.soundbox.audio;

import java.util.SplittableRandom;

/** Signals with known properties for the DSP tests. */
public final class TestSignals {
    private TestSignals() {
    }

    public static PcmBuffer sine(int rate, double hz, double amplitude, double seconds) {
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return PcmBuffer.mono(rate, s);
    }

    public static PcmBuffer whiteNoise(int rate, double amplitude, double seconds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (amplitude * (rng.nextDouble() * 2 - 1));
        }
        return PcmBuffer.mono(rate, s);
    }
}
