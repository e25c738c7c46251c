package io.soundbox.audio.quality;

import io.soundbox.audio.PcmBuffer;
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
        float[] mono = pcm.toMono();
        List<String> issues = new ArrayList<>();

        double clipRatio = clippingRatio(pcm.samples());
        double clipScore = 100;
        if (clipRatio > CLIP_RATIO_LIMIT) {
            clipScore = Math.max(0, 100 - clipRatio * 300);
            issues.add(String.format(Locale.ROOT, "clipping: %.1f%% of samples at full scale", clipRatio * 100));
        }

        double rms = rms(mono);
        boolean silent = rms < SILENCE_RMS;
        double levelScore = 100;
        if (silent) {
            levelScore = 40;
            issues.add(String.format(Locale.ROOT, "too quiet: RMS %.4f below %.3f", rms, SILENCE_RMS));
        }

        Spectra spectra = spectra(mono, pcm.sampleRate());
        double hfScore = 100;
        if (spectra.highFrequencyRatio > HIGH_FREQUENCY_RATIO_LIMIT) {
            hfScore = Math.max(0, 100 - spectra.highFrequencyRatio * 100);
            issues.add(String.format(Locale.ROOT, "high-frequency noise: energy above 14 kHz at %.2f of the mean",
                    spectra.highFrequencyRatio));
        }
        double flatScore = 100;
        if (spectra.flatness > FLATNESS_LIMIT) {
            flatScore = 100 - spectra.flatness * 100;
            issues.add(String.format(Locale.ROOT, "noise-like spectrum: flatness %.2f", spectra.flatness));
        }

        double mean = (clipScore + levelScore + hfScore + flatScore) / 4;
        int score = (int) Math.round(silent ? Math.min(mean, levelScore) : mean);
        boolean good = score >= GOOD_SCORE || issues.isEmpty();
        return new QualityAnalysis(score, issues, good, clipRatio, rms, spectra.highFrequencyRatio, spectra.flatness);
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

    private record Spectra(double highFrequencyRatio, double flatness) {
    }

    private static Spectra spectra(float[] mono, int sampleRate) {
        Stft stft = new Stft(FFT_SIZE, HOP);
        float[][] mags = stft.magnitudes(mono);
        int bins = stft.bins();
        int hfFirst = (int) Math.ceil(HIGH_FREQUENCY_HZ * FFT_SIZE / sampleRate);
        double total = 0;
        double high = 0;
        long highCount = 0;
        double[] energy = new double[mags.length];
        double loudest = 0;
        for (int f = 0; f < mags.length; f++) {
            double e = 0;
            for (int k = 0; k < bins; k++) {
                float m = mags[f][k];
                total += m;
                e += (double) m * m;
                if (k >= hfFirst) {
                    high += m;
                    highCount++;
                }
            }
            energy[f] = e;
            loudest = Math.max(loudest, e);
        }
        double overallMean = total / ((double) mags.length * bins);
        double hfRatio = highCount == 0 || overallMean <= 0 ? 0 : (high / highCount) / overallMean;

        double flatSum = 0;
        int flatFrames = 0;
        for (int f = 0; f < mags.length; f++) {
            if (loudest <= 0 || energy[f] < loudest * QUIET_FRAME_RATIO) {
                continue;
            }
            double logSum = 0;
            double sum = 0;
            for (int k = 0; k < bins; k++) {
                double p = Math.max(POWER_FLOOR, (double) mags[f][k] * mags[f][k]);
                logSum += Math.log(p);
                sum += p;
            }
            flatSum += Math.exp(logSum / bins) / (sum / bins);
            flatFrames++;
        }
        // No audible frame at all: as flat as it gets (librosa's floor gives the same for silence).
        double flatness = flatFrames == 0 ? 1.0 : flatSum / flatFrames;
        return new Spectra(hfRatio, flatness);
    }
}
