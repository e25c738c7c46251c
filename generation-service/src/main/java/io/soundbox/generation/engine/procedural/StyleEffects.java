package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/**
 * A genre's finishing touches on the mixed piece: lo-fi gets a tape-like low pass, vinyl crackle and
 * hiss; ambient, orchestral, piano and jazz get a ping-pong echo for space (a real reverb would cost
 * more than the whole synthesis). In place on both channels.
 */
final class StyleEffects {
    private StyleEffects() {
    }

    static void apply(Style style, double beatSeconds, float[] left, float[] right, int sampleRate,
            SplittableRandom rng) {
        switch (style) {
            case LOFI -> {
                lowPass(left, 3_600, sampleRate);
                lowPass(right, 3_600, sampleRate);
                vinyl(left, right, rng);
            }
            case AMBIENT -> echo(left, right, (int) (beatSeconds * 0.75 * sampleRate), 0.45, 0.35);
            case ORCHESTRAL, PIANO_SOLO -> echo(left, right, (int) (beatSeconds * 0.5 * sampleRate), 0.3, 0.2);
            case JAZZ -> echo(left, right, (int) (0.11 * sampleRate), 0.2, 0.12);
            default -> { }
        }
    }

    private static void lowPass(float[] x, double cutoff, int sampleRate) {
        OnePole lp = new OnePole(cutoff, sampleRate);
        OnePole lp2 = new OnePole(cutoff, sampleRate);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) lp2.lowPass(lp.lowPass(x[i]));
        }
    }

    /** Sparse clicks of random size and a faint hiss, both seeded. */
    private static void vinyl(float[] left, float[] right, SplittableRandom rng) {
        Noise noise = new Noise(rng);
        for (int i = 0; i < left.length; i++) {
            double hiss = 0.004 * noise.pink();
            float click = 0;
            if (rng.nextInt(6_000) == 0) {
                click = (float) ((rng.nextDouble() - 0.5) * 0.12);
            }
            left[i] += (float) hiss + click;
            right[i] += (float) hiss + click * 0.7f;
        }
    }

    /** Ping-pong delay: each repeat crosses to the other side, {@code feedback} quieter. */
    private static void echo(float[] left, float[] right, int delay, double feedback, double mix) {
        if (delay < 1 || delay >= left.length) {
            return;
        }
        float[] dl = new float[delay];
        float[] dr = new float[delay];
        int idx = 0;
        for (int i = 0; i < left.length; i++) {
            float outL = dl[idx];
            float outR = dr[idx];
            dl[idx] = (float) (right[i] * 0.5 + outR * feedback);
            dr[idx] = (float) (left[i] * 0.5 + outL * feedback);
            left[i] += (float) (mix * outL);
            right[i] += (float) (mix * outR);
            idx = idx + 1 == delay ? 0 : idx + 1;
        }
    }
}
