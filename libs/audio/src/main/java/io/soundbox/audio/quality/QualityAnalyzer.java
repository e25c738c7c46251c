package io.soundbox.audio.quality;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.soundbox.audio.dsp.Stft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The original Sound Box's quality rules, check by check (docs/architecture.md "Quality analysis"):
 * clipping (more than 5 % of samples beyond 0.98: {@code max(0, 100 - ratio*300)}), level (RMS under
 * 0.005: 40), high-frequency noise (mean magnitude above 14 kHz over the overall mean above 0.5:
 * {@code max(0, 100 - ratio*100)}), spectral flatness above 0.7 ({@code 100 - flatness*100}); the score is
 * the mean of the four. Two deliberate differences: a silent clip scores at most 40 (the original let
 * three passing checks lift digital silence to "good"), and flatness ignores frames 60 dB below the
 * loudest one, so the pauses of a sparse sound effect do not read as noise. Thread-safe (no state).
 */
public final class QualityAnalyzer {
    public static final double CLIP_LEVEL = 0.98;
    public static final double CLIP_RATIO_LIMIT = 0.05;
    public static final double SILENCE_RMS = 0.005;
    public static final double HIGH_FREQUENCY_HZ = 14_000;
    public static final double HIGH_FREQUENCY_RATIO_LIMIT = 0.5;
    public static final double FLATNESS_LIMIT = 0.7;
    public static final int GOOD_SCORE = 50;
    private static final int FFT_SIZE = 2048;
    private static final int HOP = 512;
    /** Frames whose energy is this far below the loudest frame do not count for flatness. */
    private static final double QUIET_FRAME_RATIO = 1e-6;
    private static final double POWER_FLOOR = 1e-10;

    public QualityAnalysis analyze(PcmBuffer pcm) {
        try {
            return analyze(PcmSource.of(pcm), () -> false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same checks in one streaming pass: counts and sums per sample, the spectra from a sliding
     * window of one FFT frame, and two numbers per STFT frame (energy, flatness), so memory stays a few
     * hundred KB even for ten minutes (37,500 frames at 32 kHz).
     *
     * @param stop polled per chunk; true ends the pass with {@link java.util.concurrent.CancellationException}
     */
    public QualityAnalysis analyze(PcmSource pcm, java.util.function.BooleanSupplier stop) throws IOException {
        Pass pass = new Pass(pcm.sampleRate());
        int ch = pcm.channels();
        pcm.forEachChunk(PcmSource.CHUNK_FRAMES, (s, off, n, first) -> {
            if (stop.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("analysis stopped");
            }
            for (int f = 0; f < n; f++) {
                int k = off + f * ch;
                float mono;
                if (ch == 1) {
                    mono = s[k];
                    pass.sample(s[k]);
                } else {
                    mono = (s[k] + s[k + 1]) * 0.5f;
                    pass.sample(s[k]);
                    pass.sample(s[k + 1]);
                }
                pass.mono(mono);
            }
        });
        return pass.result();
    }

    /** One streaming pass over a clip. */
    private static final class Pass {
        private final int sampleRate;
        private final Stft stft = new Stft(FFT_SIZE, HOP);
        private final float[] ring = new float[FFT_SIZE];
        private final float[] frame = new float[FFT_SIZE];
        private final int hfFirst;
        private long samples;
        private long clipped;
        private long monoCount;
        private double monoSquares;
        private long nextFrame;
        private double total;
        private double high;
        private long highCount;
        private double[] energy = new double[256];
        private double[] flat = new double[256];
        private int frames;

        Pass(int sampleRate) {
            this.sampleRate = sampleRate;
            this.hfFirst = (int) Math.ceil(HIGH_FREQUENCY_HZ * FFT_SIZE / sampleRate);
        }

        void sample(float s) {
            samples++;
            if (Math.abs(s) > CLIP_LEVEL) {
                clipped++;
            }
        }

        void mono(float m) {
            monoSquares += (double) m * m;
            ring[(int) (monoCount % FFT_SIZE)] = m;
            monoCount++;
            long end = nextFrame * HOP + FFT_SIZE;
            if (monoCount == end) {
                spectrum(nextFrame * HOP);
                nextFrame++;
            }
        }

        /** The frame starting at {@code start}, zero beyond what arrived. */
        private void spectrum(long start) {
            for (int i = 0; i < FFT_SIZE; i++) {
                long j = start + i;
                frame[i] = j < monoCount ? ring[(int) (j % FFT_SIZE)] : 0f;
            }
            float[] mags = stft.frame(frame, 0);
            int bins = stft.bins();
            double e = 0;
            double logSum = 0;
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                float m = mags[k];
                total += m;
                e += (double) m * m;
                if (k >= hfFirst) {
                    high += m;
                    highCount++;
                }
                double p = Math.max(POWER_FLOOR, (double) m * m);
                logSum += Math.log(p);
                sum += p;
            }
            if (frames == energy.length) {
                energy = java.util.Arrays.copyOf(energy, frames * 2);
                flat = java.util.Arrays.copyOf(flat, frames * 2);
            }
            energy[frames] = e;
            flat[frames] = Math.exp(logSum / bins) / (sum / bins);
            frames++;
        }

        QualityAnalysis result() {
            // The last frames run past the end, zero-padded, as many as the whole-clip STFT has.
            int wanted = stft.frameCount((int) Math.min(Integer.MAX_VALUE, monoCount));
            while (frames < wanted) {
                spectrum(nextFrame * HOP);
                nextFrame++;
            }
            List<String> issues = new ArrayList<>();
            double clipRatio = samples == 0 ? 0 : clipped / (double) samples;
            double clipScore = 100;
            if (clipRatio > CLIP_RATIO_LIMIT) {
                clipScore = Math.max(0, 100 - clipRatio * 300);
                issues.add(String.format(Locale.ROOT, "clipping: %.1f%% of samples at full scale", clipRatio * 100));
            }
            double rms = monoCount == 0 ? 0 : Math.sqrt(monoSquares / monoCount);
            boolean silent = rms < SILENCE_RMS;
            double levelScore = 100;
            if (silent) {
                levelScore = 40;
                issues.add(String.format(Locale.ROOT, "too quiet: RMS %.4f below %.3f", rms, SILENCE_RMS));
            }
            int bins = stft.bins();
            double overallMean = total / ((double) frames * bins);
            double hfRatio = highCount == 0 || overallMean <= 0 ? 0 : (high / highCount) / overallMean;
            double loudest = 0;
            for (int f = 0; f < frames; f++) {
                loudest = Math.max(loudest, energy[f]);
            }
            double flatSum = 0;
            int flatFrames = 0;
            for (int f = 0; f < frames; f++) {
                if (loudest <= 0 || energy[f] < loudest * QUIET_FRAME_RATIO) {
                    continue;
                }
                flatSum += flat[f];
                flatFrames++;
            }
            // No audible frame at all: as flat as it gets (librosa's floor gives the same for silence).
            double flatness = flatFrames == 0 ? 1.0 : flatSum / flatFrames;
            double hfScore = 100;
            if (hfRatio > HIGH_FREQUENCY_RATIO_LIMIT) {
                hfScore = Math.max(0, 100 - hfRatio * 100);
                issues.add(String.format(Locale.ROOT, "high-frequency noise: energy above 14 kHz at %.2f of the mean",
                        hfRatio));
            }
            double flatScore = 100;
            if (flatness > FLATNESS_LIMIT) {
                flatScore = 100 - flatness * 100;
                issues.add(String.format(Locale.ROOT, "noise-like spectrum: flatness %.2f", flatness));
            }
            double mean = (clipScore + levelScore + hfScore + flatScore) / 4;
            int score = (int) Math.round(silent ? Math.min(mean, levelScore) : mean);
            boolean good = score >= GOOD_SCORE || issues.isEmpty();
            return new QualityAnalysis(score, issues, good, clipRatio, rms, hfRatio, flatness);
        }
    }

    static double clippingRatio(float[] samples) {
        if (samples.length == 0) {
            return 0;
        }
        int clipped = 0;
        for (float s : samples) {
            if (Math.abs(s) > CLIP_LEVEL) {
                clipped++;
            }
        }
        return clipped / (double) samples.length;
    }

    static double rms(float[] x) {
        if (x.length == 0) {
            return 0;
        }
        double sum = 0;
        for (float s : x) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / x.length);
    }
}
