package io.soundbox.generation.quality;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.quality.QualityAnalysis;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.events.QualityReport;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

/**
 * The original's quality loop, done right: analyse each attempt, regenerate with a new seed while the
 * score is below {@code minScore}, up to {@code maxAttempts} attempts in all, and keep the best attempt
 * (the original kept the first one in its database). Seeds of retries derive from the job's seed, so a
 * re-run of the same job ends with the same audio. Stateless and thread-safe.
 *
 * @param maxAttempts attempts in all, first one included (original: 1 + 2 retries)
 * @param minScore    a score below this asks for another attempt (original: 50)
 */
public record QualityRetry(QualityAnalyzer analyzer, int maxAttempts, int minScore) {
    /** Golden-ratio increment: retry seeds far apart from the first and from each other. */
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    public QualityRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
        }
    }

    /** What the job runner announces while attempts go on. */
    public interface Attempts {
        /** A retry starts ({@code retry} from 1); returns where its progress goes. */
        ProgressListener retrying(int retry, QualityAnalysis previous);

        /** Attempt {@code retry} (0 for the first) is being analysed. */
        void analyzing(int retry);
    }

    /**
     * @param pcm     the kept audio (a spool on disk for long clips: the caller closes it)
     * @param retries how many regenerations ran (0 when the first attempt was kept or good)
     */
    public record Best(PcmSource pcm, QualityAnalysis analysis, int retries) implements AutoCloseable {
        public QualityReport report() {
            return toReport(analysis);
        }

        @Override
        public void close() {
            pcm.close();
        }
    }

    public static QualityReport toReport(QualityAnalysis a) {
        return new QualityReport(a.score(), a.issues(), a.good());
    }

    static long retrySeed(long seed, int retry) {
        return seed + retry * SEED_STEP;
    }

    /**
     * @param first   the first attempt when it was generated already (a batched call), else null
     * @param workDir where engines that render long clips in chunks keep them
     * @throws GenerationCancelledException when {@code stop} ended an attempt or its analysis
     */
    public Best best(AudioEngine engine, GenerationInput input, PcmBuffer first, Path workDir,
            ProgressListener firstProgress, Attempts attempts, CancellationCheck stop) throws IOException {
        PcmSource pcm = first != null ? PcmSource.of(first) : engine.render(input, workDir, firstProgress, stop);
        Best best = null;
        PcmSource next = null;
        try {
            stopIfAsked(stop);
            attempts.analyzing(0);
            best = new Best(pcm, analyze(pcm, stop), 0);
            int retry = 1;
            QualityAnalysis last = best.analysis();
            while (last.score() < minScore && retry < maxAttempts) {
                stopIfAsked(stop);
                GenerationInput again = new GenerationInput(input.prompt(), input.durationSeconds(), input.loop(),
                        retrySeed(input.seed(), retry));
                next = engine.render(again, workDir, attempts.retrying(retry, last), stop);
                stopIfAsked(stop);
                attempts.analyzing(retry);
                last = analyze(next, stop);
                if (last.score() > best.analysis().score()) {
                    best.close();
                    best = new Best(next, last, retry);
                } else {
                    next.close();
                }
                next = null;
                retry++;
            }
            return new Best(best.pcm(), best.analysis(), retry - 1);
        } catch (IOException | RuntimeException | Error e) {
            if (next != null) {
                next.close();
            }
            if (best != null) {
                best.close();
            } else {
                pcm.close();
            }
            throw e;
        }
    }

    private QualityAnalysis analyze(PcmSource pcm, CancellationCheck stop) throws IOException {
        try {
            return analyzer.analyze(pcm, stop::isCancelled);
        } catch (CancellationException e) {
            throw new GenerationCancelledException();
        }
    }

    /** A job stopped after its audio was made is still stopped: nothing is analysed or stored. */
    private static void stopIfAsked(CancellationCheck stop) {
        if (stop.isCancelled()) {
            throw new GenerationCancelledException();
        }
    }
}
