package io.soundbox.audio.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.TestSignals;
import io.soundbox.audio.dsp.MelFilterBank;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramRendererTest {

    @Test
    void toneShowsAsOneBrightBandAtItsMelPosition() throws Exception {
        SpectrogramRenderer renderer = SpectrogramRenderer.DEFAULT;
        byte[] png = renderer.renderPng(TestSignals.sine(32_000, 1000, 0.5, 2));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(300);

        int brightestRow = -1;
        int best = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(500, y);
            int sum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            if (sum > best) {
                best = sum;
                brightestRow = y;
            }
        }
        double melFraction = MelFilterBank.hzToMel(1000) / MelFilterBank.hzToMel(8000);
        int expectedRow = (int) Math.round((1 - melFraction) * 300);
        assertThat(brightestRow).isBetween(expectedRow - 6, expectedRow + 6);
        // Far from the tone the picture is dark: magma's low end.
        int top = image.getRGB(500, 5);
        assertThat(((top >> 16) & 0xff) + ((top >> 8) & 0xff) + (top & 0xff)).isLessThan(best / 3);
    }

    @Test
    void colourMapRunsFromDarkToBright() {
        int dark = MagmaColourMap.rgb(0);
        int bright = MagmaColourMap.rgb(1);
        assertThat(dark).isEqualTo(0x000004);
        assertThat(bright).isEqualTo(0xFCFDBF);
        assertThat(MagmaColourMap.rgb(Double.NaN)).isEqualTo(dark);
    }

    @Test
    void writesAtomicallyNextToTheAudio(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("job-1.png");
        new SpectrogramRenderer(200, 64, 32, 8000, 80).writePngAtomically(
                PcmBuffer.mono(16_000, new float[16_000]), target);
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(200);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
