package io.soundbox.generation.engine.procedural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SfxEngineTest {
    private final SfxEngine engine = new SfxEngine();

    private PcmBuffer generate(String prompt, double seconds, boolean loop, long seed) {
        return engine.generate(new GenerationInput(prompt, seconds, loop, seed), ProgressListener.NONE,
                CancellationCheck.NEVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"heavy rain on a roof", "howling wind", "crackling campfire", "ocean waves",
            "babbling stream", "distant thunder", "big explosion", "footsteps on gravel", "creaking door",
            "ui click", "notification beep", "sword whoosh", "car engine idle", "laser zap", "coin pickup",
            "birds in the morning", "strange alien hum", "crowd chatter in a cafe", "stadium applause"})
    void everyRecipeFillsTheExactLengthAudiblyWithoutClipping(String prompt) {
        PcmBuffer pcm = generate(prompt, 2.5, false, 3);
        assertThat(pcm.sampleRate()).isEqualTo(32_000);
        assertThat(pcm.frames()).isEqualTo(80_000);
        assertThat(pcm.rms()).as("rms of %s", prompt).isGreaterThan(0.01);
        assertThat(pcm.peak()).isLessThanOrEqualTo(1.0f);
    }

    @Test
    void keywordsPickTheRecipe() {
        assertThat(SfxRecipe.choose(PromptFeatures.of("rain"))).containsExactly(SfxRecipe.RAIN);
        assertThat(SfxRecipe.choose(PromptFeatures.of("thunderstorm with heavy rain")))
                .containsExactly(SfxRecipe.THUNDER, SfxRecipe.RAIN);
        assertThat(SfxRecipe.choose(PromptFeatures.of("something unusual"))).containsExactly(SfxRecipe.TEXTURE);
        assertThat(SfxRecipe.choose(PromptFeatures.of("murmuring crowd"))).containsExactly(SfxRecipe.CROWD);
    }

    @Test
    void crowdMurmurSitsInTheVoiceBandAndDiffersFromRain() {
        float[] crowd = generate("crowd murmur", 3, false, 2).samples();
        float[] rain = generate("rain", 3, false, 2).samples();
        // Voices: formants under 2.5 kHz, so far fewer zero crossings than the hiss of rain.
        assertThat(Signals.zeroCrossingRate(crowd)).isLessThan(0.7 * Signals.zeroCrossingRate(rain));
    }

    @Test
    void rainIsNoisierAndBrighterThanALaser() {
        float[] rain = generate("rain", 3, false, 1).samples();
        float[] laser = generate("laser", 3, false, 1).samples();
        assertThat(Signals.zeroCrossingRate(rain)).isGreaterThan(2 * Signals.zeroCrossingRate(laser));
    }

    @Test
    void sameSeedGivesIdenticalSamples() {
        assertThat(generate("crackling fire", 1.5, false, 11)).isEqualTo(generate("crackling fire", 1.5, false, 11));
        assertThat(generate("crackling fire", 1.5, false, 11)).isNotEqualTo(generate("crackling fire", 1.5, false, 12));
    }

    @Test
    void loopEndRunsIntoItsStart() {
        for (String prompt : List.of("wind", "stream")) {
            float[] x = generate(prompt, 3, true, 4).samples();
            assertThat((double) Math.abs(x[0] - x[x.length - 1])).as(prompt).isLessThanOrEqualTo(Signals.typicalLargeStep(x));
        }
    }

    @Test
    void stopsEarlyWhenCancelled() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> engine.generate(new GenerationInput("rain", 60, false, 1), ProgressListener.NONE,
                () -> polls.incrementAndGet() > 3))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(polls.get()).isEqualTo(4);
    }
}
