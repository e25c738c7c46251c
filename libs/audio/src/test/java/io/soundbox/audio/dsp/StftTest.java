package io.soundbox.audio.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.TestSignals;
import org.junit.jupiter.api.Test;

class StftTest {

    @Test
    void sinePeaksAtItsBin() {
        Stft stft = new Stft(1024, 256);
        float[][] mags = stft.magnitudes(TestSignals.sine(32_000, 1000, 0.5, 0.5).samples());
        assertThat(mags.length).isEqualTo(stft.frameCount(16_000));
        int peak = 0;
        for (int k = 1; k < stft.bins(); k++) {
            if (mags[3][k] > mags[3][peak]) {
                peak = k;
            }
        }
        assertThat(stft.binHz(peak, 32_000)).isBetween(1000 - 32.0, 1000 + 32.0);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new Stft(1000, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
