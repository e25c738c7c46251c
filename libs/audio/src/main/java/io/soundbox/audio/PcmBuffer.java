package io.soundbox.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Audio as interleaved float samples in [-1, 1] (values beyond are clipped when encoded). Immutable by
 * convention: {@link #samples()} returns the backing array for speed, callers must not change it
 * after handing the buffer on.
 */
public final class PcmBuffer {
    private final int sampleRate;
    private final int channels;
    private final float[] samples;

    public PcmBuffer(int sampleRate, int channels, float[] samples) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("only mono and stereo are supported: " + channels);
        }
        Objects.requireNonNull(samples, "samples");
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + samples.length + " is not a multiple of " + channels);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
    }

    public static PcmBuffer mono(int sampleRate, float[] samples) {
        return new PcmBuffer(sampleRate, 1, samples);
    }

    /** Joins two equally long channels into an interleaved stereo buffer. */
    public static PcmBuffer stereo(int sampleRate, float[] left, float[] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException("channels differ in length: " + left.length + " vs " + right.length);
        }
        float[] s = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) {
            s[2 * i] = left[i];
            s[2 * i + 1] = right[i];
        }
        return new PcmBuffer(sampleRate, 2, s);
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public float[] samples() {
        return samples;
    }

    public int frames() {
        return samples.length / channels;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** One channel as its own array (a copy). */
    public float[] channel(int index) {
        if (index < 0 || index >= channels) {
            throw new IndexOutOfBoundsException("channel " + index + " of " + channels);
        }
        float[] out = new float[frames()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i * channels + index];
        }
        return out;
    }

    /** The average of all channels, for analysis. */
    public float[] toMono() {
        if (channels == 1) {
            return samples.clone();
        }
        float[] out = new float[frames()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (samples[2 * i] + samples[2 * i + 1]) * 0.5f;
        }
        return out;
    }

    public float peak() {
        float p = 0;
        for (float s : samples) {
            p = Math.max(p, Math.abs(s));
        }
        return p;
    }

    public double rms() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / samples.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmBuffer other && sampleRate == other.sampleRate && channels == other.channels
                && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sampleRate + channels) + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmBuffer[" + sampleRate + " Hz, " + channels + " ch, " + frames() + " frames]";
    }
}
