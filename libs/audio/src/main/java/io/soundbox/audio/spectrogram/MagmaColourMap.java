package io.soundbox.audio.spectrogram;

/**
 * A perceptually uniform dark-to-bright colour map close to matplotlib's "magma" (the original's
 * spectrogram colours): nine anchors of the real map, linearly interpolated into a 256-entry table.
 */
public final class MagmaColourMap {
    private static final int[][] ANCHORS = {
        {0, 0, 4}, {28, 16, 68}, {79, 18, 123}, {129, 37, 129}, {181, 54, 122},
        {229, 80, 100}, {251, 135, 97}, {254, 194, 135}, {252, 253, 191}};
    private static final int[] TABLE = build();

    private MagmaColourMap() {
    }

    /** Packed 0xRRGGBB for {@code v} in [0, 1] (clamped). */
    public static int rgb(double v) {
        double c = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        return TABLE[(int) Math.round(c * 255)];
    }

    private static int[] build() {
        int[] table = new int[256];
        int segments = ANCHORS.length - 1;
        for (int i = 0; i < 256; i++) {
            double pos = i / 255.0 * segments;
            int s = Math.min(segments - 1, (int) pos);
            double t = pos - s;
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                int v = (int) Math.round(ANCHORS[s][ch] + t * (ANCHORS[s + 1][ch] - ANCHORS[s][ch]));
                rgb = (rgb << 8) | v;
            }
            table[i] = rgb;
        }
        return table;
    }
}
