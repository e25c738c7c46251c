package io.soundbox.generation.engine.procedural;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.dsp.Stft;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Genres must sound different: checked with spectral features, never by comparing bytes. */
class MusicStyleTest {
    private final MusicEngine engine = new MusicEngine();

    private float[] render(String prompt) {
        PcmBuffer pcm = engine.generate(new GenerationInput(prompt, 6, false, 3), ProgressListener.NONE,
                CancellationCheck.NEVER);
        return pcm.toMono();
    }

    /** Mean spectral centroid in Hz over 2048-sample frames. */
    static double centroidHz(float[] x) {
        Stft stft = new Stft(2048, 1024);
        double sum = 0;
        int n = 0;
        for (float[] frame : stft.magnitudes(x)) {
            double weighted = 0;
            double total = 0;
            for (int k = 0; k < frame.length; k++) {
                weighted += k * frame[k];
                total += frame[k];
            }
            if (total > 1e-6) {
                sum += stft.binHz(1, 32_000) * weighted / total;
                n++;
            }
        }
        return sum / n;
    }

    /** Coefficient of variation of the 10 ms RMS envelope: high for punchy drums, low for held pads. */
    static double pulse(float[] x) {
        return pulse(x, 320);
    }

    static double pulse(float[] x, int w) {
        int frames = x.length / w;
        double[] rms = new double[frames];
        double mean = 0;
        for (int f = 0; f < frames; f++) {
            double s = 0;
            for (int i = f * w; i < (f + 1) * w; i++) {
                s += x[i] * x[i];
            }
            rms[f] = Math.sqrt(s / w);
            mean += rms[f];
        }
        mean /= frames;
        double var = 0;
        for (double r : rms) {
            var += (r - mean) * (r - mean);
        }
        return Math.sqrt(var / frames) / mean;
    }

    @Test
    void promptWordsPickTheGenre() {
        Map<String, Style> expected = new LinkedHashMap<>();
        expected.put("chill lofi hip hop beat to study to", Style.LOFI);
        expected.put("slow ambient soundscape", Style.AMBIENT);
        expected.put("8-bit chiptune boss battle", Style.CHIPTUNE);
        expected.put("epic orchestral trailer", Style.ORCHESTRAL);
        expected.put("smooth jazz in a lounge", Style.JAZZ);
        expected.put("EDM festival drop", Style.EDM);
        expected.put("heavy rock anthem", Style.ROCK);
        expected.put("boom bap hip hop", Style.HIPHOP);
        expected.put("acoustic folk song", Style.ACOUSTIC);
        expected.put("sad piano ballad", Style.PIANO_SOLO);
        expected.put("upbeat happy tune", Style.POP);
        expected.forEach((prompt, style) -> assertThat(PromptFeatures.of(prompt).style()).as(prompt).isEqualTo(style));
    }

    @Test
    void lofiIsDarkerThanChiptuneAndEdmPulsesMoreThanAmbient() {
        float[] lofi = render("lofi chillhop");
        float[] chip = render("chiptune arcade");
        float[] edm = render("edm house");
        float[] ambient = render("ambient pads");
        assertThat(centroidHz(lofi)).isLessThan(0.8 * centroidHz(chip));
        // EDM: bright saws and hats, and a kick on every beat; ambient: dark held pads.
        assertThat(centroidHz(edm)).isGreaterThan(2 * centroidHz(ambient));
        assertThat(pulse(edm)).isGreaterThan(1.2 * pulse(ambient));
    }

    @Test
    void everyGenreDiffersFromEveryOtherInSomeFeature() {
        List<String> prompts = List.of("lofi chillhop", "ambient pads", "chiptune arcade", "epic orchestral",
                "smooth jazz", "edm house", "heavy rock", "acoustic folk", "piano ballad");
        double[][] features = new double[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            float[] x = render(prompts.get(i));
            features[i] = new double[] {centroidHz(x), pulse(x), Signals.zeroCrossingRate(x) * 32_000};
        }
        for (int a = 0; a < prompts.size(); a++) {
            for (int b = a + 1; b < prompts.size(); b++) {
                double biggest = 0;
                for (int f = 0; f < features[a].length; f++) {
                    double ratio = Math.max(features[a][f], features[b][f]) / Math.min(features[a][f], features[b][f]);
                    biggest = Math.max(biggest, ratio);
                }
                // At least 10 % apart in one feature: audibly another arrangement, not seed noise.
                assertThat(biggest).as("%s vs %s", prompts.get(a), prompts.get(b)).isGreaterThan(1.10);
            }
        }
    }

    @Test
    void instrumentWordsChangeTheSound() {
        double piano = centroidHz(render("ambient piano"));
        double strings = centroidHz(render("ambient strings"));
        assertThat(Math.abs(piano - strings) / Math.min(piano, strings)).isGreaterThan(0.1);
    }
}
