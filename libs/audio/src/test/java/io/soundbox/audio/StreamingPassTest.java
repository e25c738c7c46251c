package io.soundbox.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.loudness.LoudnessMeter;
import io.soundbox.audio.loudness.LoudnessNormalizer;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.audio.spectrogram.SpectrogramRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip spooled to disk and streamed gives what the same clip in the heap gives, and a WAV of the same bytes. */
class StreamingPassTest {
    @TempDir
    Path dir;

    private static PcmBuffer stereoMix() {
        PcmBuffer tone = TestSignals.sine(32_000, 440, 0.4, 3.3);
        PcmBuffer noise = TestSignals.whiteNoise(32_000, 0.05, 3.3, 7);
        return PcmBuffer.stereo(32_000, tone.samples(), noise.samples());
    }

    @Test
    void spooledClipAnalysesAndWritesLikeTheBuffer() throws Exception {
        PcmBuffer pcm = stereoMix();
        try (PcmSpool spool = PcmSpool.create(dir, 32_000, 2)) {
            // Appended in odd-sized pieces: chunk boundaries must not matter.
            for (int start = 0; start < pcm.frames(); start += 5_001) {
                int n = Math.min(5_001, pcm.frames() - start);
                spool.append(pcm.samples(), start * 2, n);
            }
            assertThat(spool.frames()).isEqualTo(pcm.frames());
            assertThat(PcmSource.readAll(spool)).isEqualTo(pcm);

            assertThat(new QualityAnalyzer().analyze(spool, () -> false))
                    .isEqualTo(new QualityAnalyzer().analyze(pcm));
            assertThat(new LoudnessMeter().integratedLufs(spool))
                    .isEqualTo(new LoudnessMeter().integratedLufs(pcm));
            assertThat(SpectrogramRenderer.DEFAULT.melDb(spool)).isDeepEqualTo(SpectrogramRenderer.DEFAULT.melDb(pcm));

            double gain = LoudnessNormalizer.DEFAULT.gainFor(spool);
            assertThat(gain).isEqualTo(LoudnessNormalizer.DEFAULT.gainFor(pcm));
            Path streamed = dir.resolve("streamed.wav");
            WavCodec.writeAtomically(spool, gain, streamed);
            Path whole = dir.resolve("whole.wav");
            WavCodec.writeAtomically(LoudnessNormalizer.DEFAULT.normalize(pcm), whole);
            assertThat(Files.readAllBytes(streamed)).isEqualTo(Files.readAllBytes(whole));

            WavCodec.Info info = WavCodec.info(streamed);
            assertThat(info.frames()).isEqualTo(pcm.frames());
            assertThat(info.channels()).isEqualTo(2);
            try (PcmSource file = WavCodec.open(streamed)) {
                assertThat(PcmSource.readAll(file)).isEqualTo(WavCodec.read(streamed));
            }
        }
    }

    @Test
    void closingDeletesTheSpoolFile() {
        PcmSpool spool = PcmSpool.create(dir, 8_000, 1);
        spool.append(new float[] {0.1f, 0.2f}, 0, 2);
        Path file = spool.file();
        assertThat(file).exists();
        spool.close();
        assertThat(file).doesNotExist();
    }
}
