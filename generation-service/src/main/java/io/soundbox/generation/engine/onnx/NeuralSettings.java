package io.soundbox.generation.engine.onnx;

import java.util.List;

/**
 * Sampling and shape settings of a neural engine. Defaults follow the public MusicGen/AudioGen/MAGNeT
 * generation configs: top-k 250, temperature 1, guidance 3 (MAGNeT anneals guidance 10 to 1 and uses
 * 20/10/10/10 steps per codebook), 4 codebooks at 50 frames per second.
 *
 * @param sampleRate   EnCodec output rate: 32 kHz for MusicGen and MAGNeT, 16 kHz for AudioGen
 * @param maxBatchSize most prompts in one forward pass; the memory of the KV cache grows with it
 */
public record NeuralSettings(int topK, double temperature, double guidanceScale, int codebooks,
        int framesPerSecond, int sampleRate, int maxDurationSeconds, int maxBatchSize,
        List<Integer> magnetSteps, double magnetMaxGuidance, double magnetMinGuidance) {

    public NeuralSettings {
        if (topK < 1 || codebooks < 1 || framesPerSecond < 1 || sampleRate < 1 || maxDurationSeconds < 1
                || maxBatchSize < 1) {
            throw new IllegalArgumentException("neural settings must be positive");
        }
        magnetSteps = List.copyOf(magnetSteps);
    }

    public static NeuralSettings musicDefaults() {
        return new NeuralSettings(250, 1.0, 3.0, 4, 50, 32_000, 30, 4, List.of(20, 10, 10, 10), 10.0, 1.0);
    }

    public static NeuralSettings audioDefaults() {
        return musicDefaults().withSampleRate(16_000);
    }

    public NeuralSettings withSampleRate(int rate) {
        return new NeuralSettings(topK, temperature, guidanceScale, codebooks, framesPerSecond, rate,
                maxDurationSeconds, maxBatchSize, magnetSteps, magnetMaxGuidance, magnetMinGuidance);
    }

    public NeuralSettings withSampling(int newTopK, double newTemperature, double newGuidance) {
        return new NeuralSettings(newTopK, newTemperature, newGuidance, codebooks, framesPerSecond, sampleRate,
                maxDurationSeconds, maxBatchSize, magnetSteps, magnetMaxGuidance, magnetMinGuidance);
    }

    public NeuralSettings withLimits(int newMaxDuration, int newMaxBatch) {
        return new NeuralSettings(topK, temperature, guidanceScale, codebooks, framesPerSecond, sampleRate,
                newMaxDuration, newMaxBatch, magnetSteps, magnetMaxGuidance, magnetMinGuidance);
    }

    public NeuralSettings withMagnet(List<Integer> steps, double maxGuidance, double minGuidance) {
        return new NeuralSettings(topK, temperature, guidanceScale, codebooks, framesPerSecond, sampleRate,
                maxDurationSeconds, maxBatchSize, steps, maxGuidance, minGuidance);
    }

    public boolean guided() {
        return guidanceScale != 1.0;
    }

    /** Decoder frames for a duration (rounded up: audio is trimmed to the exact length afterwards). */
    public int framesFor(double seconds) {
        return Math.max(1, (int) Math.ceil(seconds * framesPerSecond));
    }

    /** MAGNeT steps for codebook {@code k}; the last listed value repeats for further codebooks. */
    public int magnetStepsFor(int k) {
        if (magnetSteps.isEmpty()) {
            return 10;
        }
        return magnetSteps.get(Math.min(k, magnetSteps.size() - 1));
    }
}
