package io.soundbox.generation.scheduler;

import io.soundbox.events.ModelId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Learns how long generation and model loads take on this machine (exponential moving averages of
 * what was measured), starting from configured guesses. Thread-safe: workers record, the announcer
 * reads.
 */
public final class RunTimeEstimator implements CostModel {
    /** Weight of the newest measurement: recent enough to follow a GPU that warms up, stable enough for ETAs. */
    private static final double ALPHA = 0.3;

    private final Map<ModelId, Double> msPerAudioSecond = new EnumMap<>(ModelId.class);
    private final Map<ModelId, Double> loadMs = new EnumMap<>(ModelId.class);
    private final double initialMsPerAudioSecond;
    private final double initialLoadMs;
    private final LoadedModels loaded;

    /** Which models are loaded now: switching to one of them costs no load. */
    @FunctionalInterface
    public interface LoadedModels {
        boolean isLoaded(ModelId model);
    }

    public RunTimeEstimator(double initialMsPerAudioSecond, double initialLoadMs, LoadedModels loaded) {
        this.initialMsPerAudioSecond = initialMsPerAudioSecond;
        this.initialLoadMs = initialLoadMs;
        this.loaded = loaded;
    }

    public synchronized void recordRun(ModelId model, double audioSeconds, long elapsedMs) {
        if (audioSeconds > 0) {
            double old = msPerAudioSecond.getOrDefault(model, initialMsPerAudioSecond);
            msPerAudioSecond.put(model, old + ALPHA * (elapsedMs / audioSeconds - old));
        }
    }

    public synchronized void recordLoad(ModelId model, long elapsedMs) {
        double old = loadMs.getOrDefault(model, initialLoadMs);
        loadMs.put(model, old + ALPHA * (elapsedMs - old));
    }

    @Override
    public synchronized long switchMs(ModelId from, ModelId to) {
        if (to == from || loaded.isLoaded(to)) {
            return 0;
        }
        return Math.round(loadMs.getOrDefault(to, initialLoadMs));
    }

    /** A batch costs as much as its audio seconds: a conservative guess until batching is measured. */
    @Override
    public synchronized long runMs(ModelId model, List<QueuedJob> batch) {
        double rate = msPerAudioSecond.getOrDefault(model, initialMsPerAudioSecond);
        double seconds = 0;
        for (QueuedJob j : batch) {
            seconds += j.durationSeconds();
        }
        return Math.round(rate * seconds);
    }
}
