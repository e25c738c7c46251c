package io.soundbox.generation.engine.procedural;

/**
 * One cycle of a waveform, built once from its harmonics and read with linear interpolation. Reading a
 * table costs a few nanoseconds where {@code Math.sin} per partial cost tens: this is what keeps the
 * procedural music engine well above 200x real time on one core.
 */
final class Wavetable {
    static final int SIZE = 4096;

    static final Wavetable SINE = of(1);
    /** Odd harmonics at 1/n^2 with alternating sign. */
    static final Wavetable TRIANGLE = of(1, 0, -1 / 9.0, 0, 1 / 25.0, 0, -1 / 49.0);
    /** Band-limited square, 1/n odd harmonics up to the 15th: chiptune pulse without harsh aliasing. */
    static final Wavetable SQUARE = of(1, 0, 1 / 3.0, 0, 1 / 5.0, 0, 1 / 7.0, 0, 1 / 9.0, 0, 1 / 11.0, 0, 1 / 13.0, 0,
            1 / 15.0);
    /** Electric piano (tine): fundamental, a little octave and a bell-like 3rd partial. */
    static final Wavetable ELECTRIC_PIANO = of(1, 0.28, 0.1, 0.02);
    /** A hammered string's bright attack: many partials falling off slowly. */
    static final Wavetable PIANO_BRIGHT = of(1, 0.55, 0.38, 0.22, 0.16, 0.1, 0.07, 0.05, 0.03);
    /** Bass: sine body with the 2nd and 3rd harmonics that make it audible on small speakers. */
    static final Wavetable BASS = of(1, 0.3, 0.08);
    /** Brass and strings share a saw-like spectrum; filtering comes from the envelope and level. */
    static final Wavetable SAW_BRIGHT = saw(10, 0.92);

    private final float[] table;

    private Wavetable(float[] table) {
        this.table = table;
    }

    /** Harmonic amplitudes, fundamental first; normalised to a peak of 1. */
    static Wavetable of(double... amplitudes) {
        double[] t = new double[SIZE];
        for (int h = 0; h < amplitudes.length; h++) {
            if (amplitudes[h] == 0) {
                continue;
            }
            for (int i = 0; i < SIZE; i++) {
                t[i] += amplitudes[h] * Math.sin(2 * Math.PI * (h + 1) * i / SIZE);
            }
        }
        double peak = 1e-9;
        for (double v : t) {
            peak = Math.max(peak, Math.abs(v));
        }
        float[] f = new float[SIZE + 1];
        for (int i = 0; i < SIZE; i++) {
            f[i] = (float) (t[i] / peak);
        }
        f[SIZE] = f[0];
        return new Wavetable(f);
    }

    /** A soft saw: partial n at {@code tilt^(n-1)/n}, like {@link Synth#softSaw}. */
    static Wavetable saw(int harmonics, double tilt) {
        double[] a = new double[harmonics];
        double w = 1;
        for (int n = 1; n <= harmonics; n++) {
            a[n - 1] = w / n;
            w *= tilt;
        }
        return of(a);
    }

    /** The waveform at {@code phase} cycles, {@code 0 <= phase < 1}. */
    float at(double phase) {
        double p = phase * SIZE;
        int i = (int) p;
        float frac = (float) (p - i);
        float a = table[i];
        return a + frac * (table[i + 1] - a);
    }
}
