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
 * Prompt-aware procedural music at 32 kHz stereo (MusicGen's rate), used when no model weights are
 * installed. The genre ({@link Style}: lo-fi, ambient, chiptune, orchestral, jazz, EDM, rock, hip hop,
 * acoustic, piano, pop), tempo, mode, key, instruments and drums come from {@link PromptFeatures}; the
 * style's finishing touches ({@link StyleEffects}) and a soft limiter master it. Every random choice
 * comes from the request's seed, so a seed reproduces its audio exactly.
 */
public final class MusicEngine implements AudioEngine {
    public static final int SAMPLE_RATE = 32_000;
    /** The original's loop rule: 0.5 s of the tail crossfaded into the head. */
    static final double LOOP_CROSSFADE_SECONDS = 0.5;

    @Override
    public String name() {
        return "procedural-music";
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
        int frames = AudioEngine.frameCount(input.durationSeconds(), SAMPLE_RATE);
        int fade = input.loop() ? Math.min((int) (LOOP_CROSSFADE_SECONDS * SAMPLE_RATE), frames / 4) : 0;
        // A loop renders past its end: that continuation is what gets crossfaded into the start.
        int total = frames + fade;
        float[] left = new float[total];
        float[] right = new float[total];

        PromptFeatures features = PromptFeatures.of(input.prompt());
        SplittableRandom rng = new SplittableRandom(input.seed());
        Arranger arranger = new Arranger(features, rng.split());
        NoteRenderer renderer = new NoteRenderer(SAMPLE_RATE, features.brightness());
        int bars = (int) Math.ceil(total / (arranger.barSeconds() * SAMPLE_RATE));
        for (int bar = 0; bar < bars; bar++) {
            if (cancelled.isCancelled()) {
                throw new GenerationCancelledException();
            }
            SplittableRandom drumNoise = rng.split();
            List<Note> notes = arranger.bar(bar);
            for (int n = 0; n < notes.size(); n++) {
                renderer.render(notes.get(n), left, right, drumNoise);
                // Per note, not per bar: a short clip may be a single bar and still deserves a progress bar.
                progress.onProgress((bar + (n + 1) / (double) notes.size()) / bars);
            }
        }

        StyleEffects.apply(arranger.style(), arranger.beatSeconds(), left, right, SAMPLE_RATE, rng.split());
        if (fade > 0) {
            Mastering.crossfadeTailIntoHead(left, frames, fade);
            Mastering.crossfadeTailIntoHead(right, frames, fade);
        }
        float[][] channels = {left, right};
        Mastering.softLimit(channels, frames);
        if (fade == 0) {
            Mastering.fadeEdges(left, frames, SAMPLE_RATE / 200);
            Mastering.fadeEdges(right, frames, SAMPLE_RATE / 200);
        }
        return PcmBuffer.stereo(SAMPLE_RATE, Arrays.copyOf(left, frames), Arrays.copyOf(right, frames));
    }
}
