package io.soundbox.backup.service;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.backup.config.BackupConfig;
import io.soundbox.backup.engine.BackupCatalog;
import io.soundbox.backup.engine.BackupException;
import io.soundbox.backup.engine.BackupException.Kind;
import io.soundbox.backup.engine.BackupProgress;
import io.soundbox.backup.engine.BackupRestorer;
import io.soundbox.backup.engine.BackupRunner;
import io.soundbox.backup.engine.BackupVerifier;
import io.soundbox.backup.engine.FreeSpace;
import io.soundbox.backup.engine.Manifest;
import io.soundbox.backup.engine.RestoreReport;
import io.soundbox.backup.engine.RetentionPolicy;
import io.soundbox.backup.engine.Verification;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs backups (scheduled and on demand), retention, verification and restores, one at a time: a
 * second request while one runs is refused as busy rather than queued, so nothing piles up. Blocking:
 * call from worker threads.
 */
@ApplicationScoped
public class BackupService {
    private static final Logger LOG = Logger.getLogger(BackupService.class);

    private final BackupCatalog catalog;
    private final BackupRunner runner;
    private final BackupVerifier verifier = new BackupVerifier();
    private final BackupRestorer restorer;
    private final RetentionPolicy retention;
    private final BackupHistory history;
    private final Clock clock;
    private final ReentrantLock busy = new ReentrantLock();
    private final LibraryRestoreClient library;

    @Inject
    public BackupService(BackupConfig config, BackupHistory history, LibraryRestoreClient library) {
        this(config, history, FreeSpace.FILE_STORE, Clock.systemUTC(), library);
    }

    BackupService(BackupConfig config, BackupHistory history, FreeSpace freeSpace, Clock clock,
                  LibraryRestoreClient library) {
        this.library = library;
        Path db = config.backup().dbPath().toAbsolutePath().normalize();
        Path audio = config.audioDir().toAbsolutePath().normalize();
        this.catalog = new BackupCatalog(config.backupDir());
        this.runner = new BackupRunner(db, audio, catalog, freeSpace,
                config.backup().minFreeSpace().asLongValue(), clock);
        this.restorer = new BackupRestorer(db, audio, verifier);
        this.retention = new RetentionPolicy(config.backup().retention().dailyDays(),
                config.backup().retention().weeklyMonths(),
                config.backup().retention().zoneId());
        this.history = history;
        this.clock = clock;
    }

    /** After BackupStore created the folder: clears what a crash left and remembers the newest backup. */
    void onStart(@Observes @Priority(20_000) StartupEvent event) {
        int removed = catalog.sweepLeftovers();
        if (removed > 0) {
            LOG.infof("removed %d unfinished backup folder(s) left by an earlier run", removed);
        }
        history.recordExisting(catalog.list());
    }

    public Manifest backup(String trigger) throws BackupException {
        return exclusively("a backup", () -> {
            history.started(clock.instant());
            try {
                catalog.sweepLeftovers();
                Manifest m = runner.run(trigger, BackupProgress.NONE);
                history.succeeded(m, clock.instant());
                applyRetention();
                return m;
            } catch (BackupException | RuntimeException e) {
                history.failed(clock.instant(), e.getMessage());
                LOG.errorf("backup (%s) failed: %s", trigger, e.getMessage());
                throw e;
            }
        });
    }

    public List<Manifest> list() {
        return catalog.list();
    }

    public Manifest get(String id) throws BackupException {
        return catalog.find(id).orElseThrow(() -> new BackupException(Kind.NOT_FOUND, "no backup with id " + id
                + " in " + catalog.dir()));
    }

    public Verification verify(String id) throws BackupException {
        Manifest m = get(id);
        return verifier.verify(m, catalog.folderOf(id));
    }

    /**
     * The one restore procedure (the admin API and {@code ./soundbox backup restore} both call it): the backup
     * must verify; library-service then rebuilds the library from it with a replay of everything after
     * it, and answers what would be lost (it refuses without {@code confirm} when anything would); once it
     * restored, the audio files the restored library names come back. library-service must be running.
     *
     * @param authorization the admin's token, which library-service checks again
     * @throws LibraryRefusal when library-service did not restore (409 with the plan: not confirmed)
     */
    public RestoreReport restore(String id, String authorization, boolean confirm, boolean dryRun) throws BackupException {
        return exclusively("a restore", () -> {
            long t0 = System.nanoTime();
            Manifest m = get(id);
            Path folder = catalog.folderOf(id);
            restorer.requireIntact(m, folder);
            LOG.infof("restoring backup %s through library-service (confirm %s, dry run %s)", id, confirm, dryRun);
            LibraryRestoreClient.Answer answer;
            try {
                answer = library.restore(authorization, id, folder.resolve(m.database().file().path()), m.createdAt(),
                        confirm, dryRun);
            } catch (IOException e) {
                throw new BackupException(Kind.LIBRARY_UNAVAILABLE, "library-service does not answer at "
                        + library.baseUrl() + " (" + e.getMessage() + "); it performs the restore, so it must run "
                        + "(./soundbox up library); nothing was restored", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackupException(Kind.FAILED, "interrupted while library-service restored backup " + id);
            }
            if (answer.status() != 200) {
                throw new LibraryRefusal(answer.status(), answer.body());
            }
            String status = String.valueOf(answer.body().get("status"));
            BackupRestorer.AudioRestore audio = "restored".equals(status) ? restorer.restoreAudio(m, folder)
                    : new BackupRestorer.AudioRestore(0, 0, 0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.infof("backup %s: %s in %d ms; audio: %d written, %d already in place, %d not named by the library",
                    id, status, ms, audio.restored(), audio.unchanged(), audio.skipped());
            return new RestoreReport(id, m.createdAt(), status, answer.body(), audio.restored(), audio.unchanged(),
                    audio.skipped(), ms);
        });
    }

    public boolean running() {
        return busy.isLocked();
    }

    /** Deletes what the retention policy no longer keeps; a failed delete is logged and retried next time. */
    List<String> applyRetention() {
        List<RetentionPolicy.Backup> all = catalog.list().stream()
                .map(m -> new RetentionPolicy.Backup(m.id(), m.createdAt())).toList();
        RetentionPolicy.Decision decision = retention.decide(all, clock.instant());
        for (String id : decision.delete()) {
            try {
                catalog.delete(id);
                LOG.infof("retention: deleted backup %s", id);
            } catch (IOException e) {
                LOG.warnf("retention: could not delete backup %s: %s", id, e.getMessage());
            }
        }
        history.recordExisting(catalog.list());
        return decision.delete();
    }

    public Path folder() {
        return catalog.dir();
    }

    private interface Work<T> {
        T run() throws BackupException;
    }

    private <T> T exclusively(String what, Work<T> work) throws BackupException {
        if (!busy.tryLock()) {
            throw new BackupException(Kind.BUSY, "cannot start " + what + ": another backup or restore is running");
        }
        try {
            return work.run();
        } finally {
            busy.unlock();
        }
    }

}
