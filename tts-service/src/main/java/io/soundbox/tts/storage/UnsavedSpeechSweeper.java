package io.soundbox.tts.storage;

import io.quarkus.scheduler.Scheduled;
import io.soundbox.tts.config.TtsConfig;
import io.soundbox.tts.speech.SpeechService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes speech that nobody saved to the library once it is older than the retention time: such files
 * exist only so that the answer's {@code audio_url} can be played for a while, and would otherwise pile up.
 * Only this service's own unsaved files are touched (by name prefix); library audio never is.
 */
@ApplicationScoped
public class UnsavedSpeechSweeper {
    private static final Logger LOG = Logger.getLogger(UnsavedSpeechSweeper.class);

    private final AudioStore store;
    private final Duration retention;
    private final Clock clock;

    public UnsavedSpeechSweeper(AudioStore store, TtsConfig config, Clock clock) {
        this.store = store;
        this.retention = config.tts().unsavedRetention();
        this.clock = clock;
    }

    @Scheduled(every = "10m", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int deleted = sweep();
        if (deleted > 0) {
            LOG.infof("deleted %d unsaved speech files older than %s", deleted, retention);
        }
    }

    /** Deletes the expired unsaved files and says how many; the folder is streamed, never listed whole. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = 0;
        Path dir = store.directory().path();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, SpeechService.UNSAVED_PREFIX + "*.wav")) {
            for (Path file : files) {
                if (isExpired(file, cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            LOG.warnf("could not sweep unsaved speech in %s: %s", dir, e.getMessage());
        }
        return deleted;
    }

    private static boolean isExpired(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
