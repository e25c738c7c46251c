package io.soundbox.generation.engine.procedural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MusicEngineTest {
    private final MusicEngine engine = new MusicEngine();

    private PcmBuffer generate(String prompt, double seconds, boolean loop, long seed) {
        return engine.generate(new GenerationInput(prompt, seconds, loop, seed), ProgressListener.NONE,
                CancellationCheck.NEVER);
    }

    @Test
    void producesExactlyTheAskedFramesInStereoAt32kHz() {
        PcmBuffer pcm = generate("upbeat electronic music", 2.37, false, 1);
        assertThat(pcm.sampleRate()).isEqualTo(32_000);
        assertThat(pcm.channels()).isEqualTo(2);
        assertThat(pcm.frames()).isEqualTo(Math.round(2.37 * 32_000));
    }

    @Test
    void isAudibleAndPeaksAtAboutMinusOneDbWithoutClipping() {
        PcmBuffer pcm = generate("happy acoustic guitar", 3, false, 7);
        assertThat(pcm.rms()).isGreaterThan(0.05);
        assertThat(pcm.peak()).isLessThanOrEqualTo(1.0f).isGreaterThan(0.85f);
    }

    @Test
    void sameSeedGivesIdenticalSamplesAndAnotherSeedDiffers() {
        PcmBuffer a = generate("chill lofi beat", 2, false, 42);
        PcmBuffer b = generate("chill lofi beat", 2, false, 42);
        PcmBuffer c = generate("chill lofi beat", 2, false, 43);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void energeticRockIsBrighterAndBusierThanAnAmbientPad() {
        float[] ambient = generate("slow ambient pad", 4, false, 5).toMono();
        float[] rock = generate("fast energetic rock drums", 4, false, 5).toMono();
        assertThat(Signals.brightness(rock)).isGreaterThan(1.5 * Signals.brightness(ambient));
        assertThat(Signals.zeroCrossingRate(rock)).isGreaterThan(Signals.zeroCrossingRate(ambient));
    }

    @Test
    void promptWordsSetTempoModeAndDrums() {
        PromptFeatures sad = PromptFeatures.of("slow sad ambient piano");
        PromptFeatures party = PromptFeatures.of("Fast, HAPPY edm party!");
        assertThat(sad.tempoBpm()).isLessThan(80);
        assertThat(party.tempoBpm()).isGreaterThan(125);
        assertThat(sad.minor()).isTrue();
        assertThat(party.minor()).isFalse();
        assertThat(sad.drums()).isFalse();
        assertThat(party.drums()).isTrue();
        assertThat(PromptFeatures.of("rock without drums").drums()).isFalse();
        assertThat(PromptFeatures.of("ambient with soft drums").drums()).isTrue();
    }

    @Test
    void loopEndRunsIntoItsStartWithoutAJump() {
        PcmBuffer looped = generate("fast energetic rock drums", 3, true, 9);
        PcmBuffer plain = generate("fast energetic rock drums", 3, false, 9);
        for (int ch = 0; ch < 2; ch++) {
            float[] x = looped.channel(ch);
            double seam = (double) Math.abs(x[0] - x[x.length - 1]);
            assertThat(seam).as("seam of channel %d", ch).isLessThanOrEqualTo(Signals.typicalLargeStep(x));
        }
        // Without loop mode the file ends faded out, and the start differs from the loop's start.
        assertThat(looped.frames()).isEqualTo(plain.frames());
        assertThat(looped.samples()[100]).isNotEqualTo(plain.samples()[100]);
    }

    @Test
    void reportsRisingProgressEndingAtOne() {
        List<Double> seen = new ArrayList<>();
        engine.generate(new GenerationInput("jazz", 5, false, 1), seen::add, CancellationCheck.NEVER);
        assertThat(seen).hasSizeGreaterThan(10).isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void stopsEarlyWhenCancelled() {
        AtomicInteger polls = new AtomicInteger();
        List<Double> seen = new ArrayList<>();
        assertThatThrownBy(() -> engine.generate(new GenerationInput("epic orchestral", 60, false, 1), seen::add,
                () -> polls.incrementAndGet() > 2))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(polls).hasValue(3);
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1)).isLessThan(0.2);
    }
}
