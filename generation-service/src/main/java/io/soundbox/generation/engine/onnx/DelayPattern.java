package io.soundbox.generation.engine.onnx;

/**
 * MusicGen's codebook delay pattern: codebook {@code k} runs {@code k} steps behind codebook 0, so one
 * decoder step predicts frame {@code t} of codebook 0, frame {@code t-1} of codebook 1, and so on. A clip
 * of {@code frames} frames therefore takes {@code frames + codebooks - 1} steps; positions outside a
 * codebook's window are forced to the pad token.
 */
public record DelayPattern(int codebooks) {
    public DelayPattern {
        if (codebooks < 1) {
            throw new IllegalArgumentException("codebooks must be positive: " + codebooks);
        }
    }

    public int steps(int frames) {
        return frames + codebooks - 1;
    }

    /** True when codebook {@code k} has no frame at step {@code step}: it outputs the pad token. */
    public boolean isPadding(int k, int step, int frames) {
        return step < k || step >= frames + k;
    }

    /** The frame of codebook {@code k} produced at {@code step}, when not padding. */
    public int frameAt(int k, int step) {
        return step - k;
    }

    /** Undoes the delay: {@code delayed[k][step]} to {@code codes[k][frame]}. */
    public long[][] undelay(long[][] delayed, int frames) {
        long[][] codes = new long[codebooks][frames];
        for (int k = 0; k < codebooks; k++) {
            System.arraycopy(delayed[k], k, codes[k], 0, frames);
        }
        return codes;
    }
}
