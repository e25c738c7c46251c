package io.soundbox.audio.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.TestSignals;
import org.junit.jupiter.api.Test;

class QualityAnalyzerTest {
    private final QualityAnalyzer analyzer = new QualityAnalyzer();

    @Test
    void cleanToneScoresFull() {
        QualityAnalysis a = analyzer.analyze(TestSignals.sine(32_000, 440, 0.5, 2));
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.issues()).isEmpty();
        assertThat(a.good()).isTrue();
        assertThat(a.flatness()).isLessThan(0.1);
    }

    @Test
    void hardClippedToneLosesPointsForClipping() {
        PcmBuffer sine = TestSignals.sine(32_000, 220, 4.0, 1);
        float[] s = sine.samples();
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.max(-1f, Math.min(1f, s[i]));
        }
        QualityAnalysis a = analyzer.analyze(sine);
        assertThat(a.clippingRatio()).isGreaterThan(0.5);
        assertThat(a.issues()).anyMatch(i -> i.startsWith("clipping"));
        // Clip score max(0, 100 - ratio*300) = 0, the other three pass (a square wave is not flat noise).
        assertThat(a.score()).isLessThanOrEqualTo(80);
    }

    @Test
    void silenceIsNeverGood() {
        QualityAnalysis a = analyzer.analyze(PcmBuffer.mono(32_000, new float[32_000]));
        assertThat(a.rms()).isZero();
        assertThat(a.score()).isLessThanOrEqualTo(40);
        assertThat(a.good()).isFalse();
        assertThat(a.issues()).anyMatch(i -> i.startsWith("too quiet"));
    }

    @Test
    void fullBandNoiseIsFlaggedAsHighFrequencyNoise() {
        QualityAnalysis a = analyzer.analyze(TestSignals.whiteNoise(32_000, 0.3, 2, 7));
        assertThat(a.highFrequencyRatio()).isGreaterThan(0.5);
        assertThat(a.issues()).anyMatch(i -> i.startsWith("high-frequency noise"));
        assertThat(a.score()).isLessThan(100);
    }

    @Test
    void noHighFrequencyBinsBelow28kHzSampleRate() {
        QualityAnalysis a = analyzer.analyze(TestSignals.whiteNoise(22_050, 0.3, 1, 3));
        assertThat(a.highFrequencyRatio()).isZero();
    }
}
