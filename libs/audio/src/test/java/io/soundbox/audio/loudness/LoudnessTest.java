package io.soundbox.audio.loudness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.TestSignals;
import org.junit.jupiter.api.Test;

class LoudnessTest {
    private final LoudnessMeter meter = new LoudnessMeter();

    @Test
    void fullScaleSineReadsAboutMinusThreeLufs() {
        // BS.1770's calibration: a 0 dBFS 997 Hz sine in one channel measures -3.01 LUFS.
        assertThat(meter.integratedLufs(TestSignals.sine(48_000, 997, 1.0, 3))).isCloseTo(-3.01, within(0.1));
        assertThat(meter.integratedLufs(TestSignals.sine(32_000, 997, 0.5, 3))).isCloseTo(-9.03, within(0.15));
    }

    @Test
    void silenceHasNoLoudness() {
        assertThat(meter.integratedLufs(PcmBuffer.mono(32_000, new float[64_000]))).isInfinite();
    }

    @Test
    void normalizerReachesTheTarget() {
        PcmBuffer quiet = TestSignals.sine(32_000, 997, 0.05, 3);
        PcmBuffer out = LoudnessNormalizer.DEFAULT.normalize(quiet);
        assertThat(meter.integratedLufs(out)).isCloseTo(-14, within(0.2));
        assertThat(out.peak()).isLessThanOrEqualTo((float) Math.pow(10, -1 / 20.0) + 1e-4f);
    }

    @Test
    void normalizerRespectsThePeakCeiling() {
        // A spiky signal would need its peak pushed past -1 dBFS to reach -14 LUFS.
        float[] s = new float[32_000 * 2];
        for (int i = 0; i < s.length; i += 3200) {
            s[i] = 0.5f;
        }
        PcmBuffer out = LoudnessNormalizer.DEFAULT.normalize(PcmBuffer.mono(32_000, s));
        assertThat(out.peak()).isCloseTo((float) Math.pow(10, -1 / 20.0), within(1e-4f));
        assertThat(meter.integratedLufs(out)).isLessThan(-14);
    }

    @Test
    void silenceIsLeftAlone() {
        PcmBuffer silent = PcmBuffer.mono(32_000, new float[1000]);
        assertThat(LoudnessNormalizer.DEFAULT.normalize(silent)).isEqualTo(silent);
    }
}
