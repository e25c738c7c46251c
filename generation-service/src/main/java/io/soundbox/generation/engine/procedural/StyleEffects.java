package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/**
 * A genre's finishing touches on the mixed piece: lo-fi gets a tape-like low pass, vinyl crackle and
 * hiss; ambient, orchestral, piano and jazz get a ping-pong echo for space (a real reverb would cost
 * more than the whole synthesis). Streaming: filters, noise and delay lines keep their state between
 * calls, so the piece is processed window by window, in place, in order.
 */
final class StyleEffects {
    private final OnePole[] lowPass;
    private final Noise noise;
    private final SplittableRandom rng;
    private final float[] dl;
    private final float[] dr;
    private final double feedback;
    private final double mix;
    private int idx;

    private StyleEffects(Style style, double beatSeconds, int totalFrames, int sampleRate, SplittableRandom rng) {
        this.rng = rng;
        this.lowPass = style == Style.LOFI ? new OnePole[] {new OnePole(3_600, sampleRate), new OnePole(3_600, sampleRate),
            new OnePole(3_600, sampleRate), new OnePole(3_600, sampleRate)} : null;
        this.noise = style == Style.LOFI ? new Noise(rng) : null;
        int delay = switch (style) {
            case AMBIENT -> (int) (beatSeconds * 0.75 * sampleRate);
            case ORCHESTRAL, PIANO_SOLO -> (int) (beatSeconds * 0.5 * sampleRate);
            case JAZZ -> (int) (0.11 * sampleRate);
            default -> 0;
        };
        boolean echo = delay >= 1 && delay < totalFrames;
        this.dl = echo ? new float[delay] : null;
        this.dr = echo ? new float[delay] : null;
        this.feedback = switch (style) {
            case AMBIENT -> 0.45;
            case ORCHESTRAL, PIANO_SOLO -> 0.3;
            default -> 0.2;
        };
        this.mix = switch (style) {
            case AMBIENT -> 0.35;
            case ORCHESTRAL, PIANO_SOLO -> 0.2;
            default -> 0.12;
        };
    }

    /** @param totalFrames the whole piece's length (an echo longer than the piece is left out) */
    static StyleEffects of(Style style, double beatSeconds, int totalFrames, int sampleRate, SplittableRandom rng) {
        return new StyleEffects(style, beatSeconds, totalFrames, sampleRate, rng);
    }

    /** Processes frames {@code [from, to)} of the window, the piece's next frames. */
    void process(float[] left, float[] right, int from, int to) {
        if (lowPass != null) {
            for (int i = from; i < to; i++) {
                left[i] = (float) lowPass[1].lowPass(lowPass[0].lowPass(left[i]));
                right[i] = (float) lowPass[3].lowPass(lowPass[2].lowPass(right[i]));
                vinyl(left, right, i);
            }
        } else if (dl != null) {
            for (int i = from; i < to; i++) {
                echo(left, right, i);
            }
        }
    }

    /** Sparse clicks of random size and a faint hiss, both seeded. */
    private void vinyl(float[] left, float[] right, int i) {
        double hiss = 0.004 * noise.pink();
        float click = 0;
        if (rng.nextInt(6_000) == 0) {
            click = (float) ((rng.nextDouble() - 0.5) * 0.12);
        }
        left[i] += (float) hiss + click;
        right[i] += (float) hiss + click * 0.7f;
    }

    /** Ping-pong delay: each repeat crosses to the other side, {@code feedback} quieter. */
    private void echo(float[] left, float[] right, int i) {
        float outL = dl[idx];
        float outR = dr[idx];
        dl[idx] = (float) (right[i] * 0.5 + outR * feedback);
        dr[idx] = (float) (left[i] * 0.5 + outL * feedback);
        left[i] += (float) (mix * outL);
        right[i] += (float) (mix * outR);
        idx = idx + 1 == dl.length ? 0 : idx + 1;
    }
}
