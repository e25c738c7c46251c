package io.soundbox.generation.quality;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.loudness.LoudnessNormalizer;
import io.soundbox.audio.spectrogram.SpectrogramRenderer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.store.AudioStore;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores a finished clip: loudness-normalised, with its spectrogram {@code <jobId>.png} beside
 * {@code <jobId>.wav}. The PNG is written first because the WAV's existence marks the job as done: a
 * crash in between leaves no half-finished job behind. A failed spectrogram does not fail the job.
 *
 * @param normalizer null keeps the engine's level
 * @param renderer   null writes no spectrograms
 */
public record ClipWriter(AudioStore store, LoudnessNormalizer normalizer, SpectrogramRenderer renderer) {
    private static final Logger LOG = Logger.getLogger(ClipWriter.class.getName());

    public static ClipWriter defaults(AudioStore store) {
        return new ClipWriter(store, LoudnessNormalizer.DEFAULT, SpectrogramRenderer.DEFAULT);
    }

    /** @return the audio as stored (after normalisation) */
    public PcmBuffer write(String jobId, PcmBuffer pcm) throws IOException {
        write(jobId, PcmSource.of(pcm), CancellationCheck.NEVER);
        return store.read(jobId);
    }

    /**
     * Streams a clip of any length into the store: one pass measures loudness and peak, one renders the
     * spectrogram (decibels relative to the loudest cell do not change with the gain, so it reads the
     * clip before normalisation), one writes the WAV with the gain applied on the way.
     *
     * @throws GenerationCancelledException when {@code stop} asked between two passes
     */
    public void write(String jobId, PcmSource pcm, CancellationCheck stop) throws IOException {
        double gain = normalizer == null ? 1.0 : normalizer.gainFor(pcm);
        stopIfAsked(stop);
        if (renderer != null) {
            try {
                renderer.writePngAtomically(pcm, store.spectrogramPath(jobId));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "no spectrogram for job " + jobId, e);
            }
        }
        stopIfAsked(stop);
        store.save(jobId, pcm, gain);
    }

    private static void stopIfAsked(CancellationCheck stop) {
        if (stop.isCancelled()) {
            throw new GenerationCancelledException();
        }
    }

    /** The spectrogram's file name when one is stored for the job. */
    public Optional<String> spectrogramOf(String jobId) {
        return store.hasSpectrogram(jobId) ? Optional.of(store.spectrogramName(jobId)) : Optional.empty();
    }
}
