package io.soundbox.audio.quality;

import java.util.List;

/**
 * What {@link QualityAnalyzer} found in a clip.
 *
 * @param score         0-100, the mean of the four checks' scores
 * @param issues        one readable sentence per failed check, empty when all passed
 * @param good          the original's rule: score at least 50, or no issues at all
 * @param clippingRatio fraction of samples with {@code |x| > 0.98}
 * @param rms           root mean square level of the mono mix
 * @param highFrequencyRatio mean STFT magnitude above 14 kHz divided by the overall mean
 * @param flatness      mean spectral flatness of the non-silent frames (1 = white noise-like)
 */
public record QualityAnalysis(int score, List<String> issues, boolean good, double clippingRatio, double rms,
        double highFrequencyRatio, double flatness) {
    public QualityAnalysis {
        issues = List.copyOf(issues);
    }
}
