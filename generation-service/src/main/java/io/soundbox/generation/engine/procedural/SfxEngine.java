package io.soundbox.generation.engine.procedural;

import io.soundbox.audio.PcmSpool;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.SpoolingEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Procedural sound effects at 32 kHz mono: keywords pick one or two {@link SfxRecipe}s (a second one is
 * mixed in quieter, so "rain and thunder" has both), the seed drives every random choice.
 */
public final class SfxEngine implements SpoolingEngine {
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

    /** Renders block by block into a spool on disk and masters it there: memory is one block. */
    @Override
    public PcmSpool render(GenerationInput input, Path workDir, ProgressListener progress, CancellationCheck cancelled) {
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

        PcmSpool spool = PcmSpool.create(workDir, SAMPLE_RATE, 1);
        try {
            SpooledClip clip = new SpooledClip(spool, frames, fade);
            float[] out = new float[BLOCK];
            for (int start = 0; start < total; start += BLOCK) {
                if (cancelled.isCancelled()) {
                    throw new GenerationCancelledException();
                }
                int n = Math.min(total - start, BLOCK);
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (main.next() + 0.5 * second.next());
                }
                clip.add(out, null, n);
                progress.onProgress((start + n) / (double) total);
            }
            return clip.finish();
        } catch (RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }
}
