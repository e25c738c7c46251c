package io.soundbox.generation.engine.procedural;

import io.soundbox.audio.PcmSpool;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.SpoolingEngine;
import java.nio.file.Path;
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
public final class MusicEngine implements SpoolingEngine {
    public static final int SAMPLE_RATE = 32_000;
    /** The original's loop rule: 0.5 s of the tail crossfaded into the head. */
    static final double LOOP_CROSSFADE_SECONDS = 0.5;
    /** The longest ring after a note's end among the voices ({@link NoteRenderer}: pads, 0.5 s). */
    static final double LONGEST_RELEASE_SECONDS = 0.6;

    @Override
    public String name() {
        return "procedural-music";
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    /**
     * Renders bar by bar into a window that holds only what later notes can still reach (the bar being
     * rendered plus the longest release), hands finished frames through the style's effects to a spool
     * on disk and masters the spool in place: memory is bounded whatever the duration.
     */
    @Override
    public PcmSpool render(GenerationInput input, Path workDir, ProgressListener progress, CancellationCheck cancelled) {
        int frames = AudioEngine.frameCount(input.durationSeconds(), SAMPLE_RATE);
        int fade = input.loop() ? Math.min((int) (LOOP_CROSSFADE_SECONDS * SAMPLE_RATE), frames / 4) : 0;
        // A loop renders past its end: that continuation is what gets crossfaded into the start.
        int total = frames + fade;

        PromptFeatures features = PromptFeatures.of(input.prompt());
        SplittableRandom rng = new SplittableRandom(input.seed());
        Arranger arranger = new Arranger(features, rng.split());
        NoteRenderer renderer = new NoteRenderer(SAMPLE_RATE, features.brightness());
        int bars = (int) Math.ceil(total / (arranger.barSeconds() * SAMPLE_RATE));
        SplittableRandom[] drumNoise = new SplittableRandom[bars];
        for (int bar = 0; bar < bars; bar++) {
            drumNoise[bar] = rng.split();
        }
        StyleEffects effects = StyleEffects.of(arranger.style(), arranger.beatSeconds(), total, SAMPLE_RATE, rng.split());
        // Notes of the next bar may start a little early (strums, swing): frames this close to a bar line wait.
        double early = Math.min(0.25, arranger.barSeconds() / 4);

        PcmSpool spool = PcmSpool.create(workDir, SAMPLE_RATE, 2);
        try {
            SpooledClip clip = new SpooledClip(spool, frames, fade);
            Window w = new Window();
            for (int bar = 0; bar < bars; bar++) {
                if (cancelled.isCancelled()) {
                    throw new GenerationCancelledException();
                }
                List<Note> notes = arranger.bar(bar);
                // Frames final after this bar: up to just before the next bar line (all of them after the last bar).
                long done = bar == bars - 1 ? total
                        : Math.min(total, Math.max(w.base, Math.round(((bar + 1) * arranger.barSeconds() - early) * SAMPLE_RATE)));
                long reach = done;
                for (Note n : notes) {
                    reach = Math.max(reach, Math.round((n.start() + n.length() + LONGEST_RELEASE_SECONDS) * SAMPLE_RATE));
                }
                w.ensure((int) (Math.min(total, reach) - w.base));
                int limit = (int) Math.min(w.left.length, total - w.base);
                double shift = w.base / (double) SAMPLE_RATE;
                for (int n = 0; n < notes.size(); n++) {
                    Note note = notes.get(n);
                    if (note.start() < shift) {
                        throw new IllegalStateException("note at " + note.start() + " s starts before the window at " + shift);
                    }
                    renderer.render(new Note(note.voice(), note.start() - shift, note.length(), note.midi(), note.gain(),
                            note.pan()), w.left, w.right, limit, drumNoise[bar]);
                    // Per note, not per bar: a short clip may be a single bar and still deserves a progress bar.
                    progress.onProgress((bar + (n + 1) / (double) notes.size()) / bars);
                }
                int ready = (int) (done - w.base);
                effects.process(w.left, w.right, 0, ready);
                clip.add(w.left, w.right, ready);
                w.drop(ready);
            }
            return clip.finish();
        } catch (RuntimeException | Error e) {
            spool.close();
            throw e;
        }
    }

    /** The frames still open to notes, from frame {@link #base} of the piece. */
    private static final class Window {
        float[] left = new float[0];
        float[] right = new float[0];
        long base;

        void ensure(int frames) {
            if (frames > left.length) {
                left = Arrays.copyOf(left, Math.max(frames, left.length * 3 / 2));
                right = Arrays.copyOf(right, left.length);
            }
        }

        /** Forgets the first {@code n} frames (handed on): the rest moves to the front. */
        void drop(int n) {
            int keep = Math.max(0, left.length - n);
            System.arraycopy(left, n, left, 0, keep);
            System.arraycopy(right, n, right, 0, keep);
            Arrays.fill(left, keep, left.length, 0f);
            Arrays.fill(right, keep, right.length, 0f);
            base += n;
        }
    }
}
