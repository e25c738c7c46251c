package io.soundbox.generation.engine.procedural;

/** Final touches shared by the engines: seamless loops and a memoryless soft limiter. */
final class Mastering {
    /** -1 dBFS: leaves headroom for lossy re-encoding in browsers. */
    static final float CEILING = (float) Math.pow(10, -1 / 20.0);
    /** How hard peaks are pushed into the tanh knee; 1.5 rounds transients without audible pumping. */
    static final double DRIVE = 1.5;

    private Mastering() {
    }

    /**
     * Mixes the {@code fade} frames rendered after the end ({@code channel[frames..frames+fade)}) into the
     * start with a linear crossfade (the original's 0.5 s rule). Frame 0 then continues frame
     * {@code frames - 1} exactly as the render would have, so the loop point is seamless.
     */
    static void crossfadeTailIntoHead(float[] channel, int frames, int fade) {
        for (int i = 0; i < fade; i++) {
            double w = i / (double) fade;
            channel[i] = (float) (channel[i] * w + channel[frames + i] * (1 - w));
        }
    }

    /**
     * Scales the loudest peak of all channels to {@link #CEILING} through a tanh curve. Memoryless on
     * purpose: a limiter with attack/release state would break the seam of a loop.
     */
    static void softLimit(float[][] channels, int frames) {
        double peak = 0;
        for (float[] ch : channels) {
            for (int i = 0; i < frames; i++) {
                peak = Math.max(peak, Math.abs(ch[i]));
            }
        }
        if (peak < 1e-9) {
            return;
        }
        double gain = DRIVE / peak;
        double norm = CEILING / softClip(DRIVE);
        for (float[] ch : channels) {
            for (int i = 0; i < frames; i++) {
                ch[i] = (float) (norm * softClip(ch[i] * gain));
            }
        }
    }

    /**
     * A tanh-shaped curve from a rational (Pade) approximation, monotonic up to |x| = 3: {@code Math.tanh}
     * per sample cost more than all the synthesis of a quiet passage.
     */
    static double softClip(double x) {
        if (x > 3) {
            return 1;
        }
        if (x < -3) {
            return -1;
        }
        double x2 = x * x;
        return x * (27 + x2) / (27 + 9 * x2);
    }

    /** Short linear fades at both ends so a one-shot file never starts or stops with a click. */
    static void fadeEdges(float[] channel, int frames, int fade) {
        int n = Math.min(fade, frames / 2);
        for (int i = 0; i < n; i++) {
            float w = i / (float) n;
            channel[i] *= w;
            channel[frames - 1 - i] *= w;
        }
    }
}
