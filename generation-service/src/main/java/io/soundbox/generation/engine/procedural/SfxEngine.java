package io.soundbox.generation.engine.procedural;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Procedural sound effects at 32 kHz mono: keywords pick one or two {@link SfxRecipe}s (a second one is
 * mixed in quieter, so "rain and thunder" has both), the seed drives every random choice.
 */
public final class SfxEngine implements AudioEngine {
    public static final int SAMPLE_RATE = 32_000;
    private static final int BLOCK = SAMPLE_RATE / 10;

    @Override
    public String name() {
        return "procedural-sfx";
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
        int frames = AudioEngine.frameCount(input.durationSeconds(), SAMPLE_RATE);
        int fade = input.loop() ? Math.min((int) (MusicEngine.LOOP_CROSSFADE_SECONDS * SAMPLE_RATE), frames / 4) : 0;
        int total = frames + fade;
        PromptFeatures features = PromptFeatures.of(input.prompt());
        SplittableRandom rng = new SplittableRandom(input.seed());
        List<SfxRecipe> recipes = SfxRecipe.choose(features);
        Signal main = recipes.get(0).create(SAMPLE_RATE, rng.split(), features, input.durationSeconds());
        Signal second = recipes.size() > 1
                ? recipes.get(1).create(SAMPLE_RATE, rng.split(), features, input.durationSeconds())
                : () -> 0;

        float[] out = new float[total];
        for (int start = 0; start < total; start += BLOCK) {
            if (cancelled.isCancelled()) {
                throw new GenerationCancelledException();
            }
            int end = Math.min(total, start + BLOCK);
            for (int i = start; i < end; i++) {
                out[i] = (float) (main.next() + 0.5 * second.next());
            }
            progress.onProgress(end / (double) total);
        }
        if (fade > 0) {
            Mastering.crossfadeTailIntoHead(out, frames, fade);
        }
        Mastering.softLimit(new float[][] {out}, frames);
        if (fade == 0) {
            Mastering.fadeEdges(out, frames, SAMPLE_RATE / 200);
        }
        return PcmBuffer.mono(SAMPLE_RATE, Arrays.copyOf(out, frames));
    }
}
