package io.soundbox.library.restore;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.Topics;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.persistence.LibrarySchema;
import io.soundbox.library.persistence.Migrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The one restore procedure (backup-service's admin API and {@code ./soundbox backup restore} both end
 * here). library-service performs it itself, so it never runs on a database swapped under it:
 * <ol>
 * <li>close the gate: HTTP writes are refused (503), the Kafka consumer waits, writes in flight finish and
 * the events they announced reach the broker;</li>
 * <li>copy the backup's database to a scratch file next to the live one and migrate it;</li>
 * <li>replay into the copy soundbox.audio.created and then soundbox.library.events from the backup's time
 * (less a margin) to the topics' current end ({@link ScratchReplay});</li>
 * <li>compare the copy with the live library ({@link LibraryDiff}): if the restore would lose anything and
 * the request did not confirm, stop here and answer the list;</li>
 * <li>write the copy into the live file through SQLite's backup API (one transaction: every pooled
 * connection sees the old or the new library, never a stale file), open the gate.</li>
 * </ol>
 * A dry run does 2 to 4 without closing the gate. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class LibraryRestore {
    private static final Logger LOG = Logger.getLogger(LibraryRestore.class);

    /** The request cannot be carried out as asked; the message says why. */
    public static class RefusedException extends RuntimeException {
        private final int status;

        public RefusedException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final LibraryConfig config;
    private final Categorizer categorizer;
    private final RestoreGate gate;
    private final LibraryEventPublisher events;
    private final TopicReplay topics;
    private final ReentrantLock running = new ReentrantLock();

    @Inject
    public LibraryRestore(LibraryConfig config, Categorizer categorizer, RestoreGate gate, LibraryEventPublisher events,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.categorizer = categorizer;
        this.gate = gate;
        this.events = events;
        this.topics = new TopicReplay(bootstrapServers);
    }

    public RestoreOutcome restore(String backupId, Path backupDatabase, Instant backupCreatedAt, boolean confirm,
                                  boolean dryRun) {
        Path source = allowed(backupDatabase);
        if (!running.tryLock()) {
            throw new RefusedException(409, "another restore is running");
        }
        long t0 = System.nanoTime();
        try {
            if (dryRun) {
                try (Scratch scratch = build(backupId, source, backupCreatedAt)) {
                    return new RestoreOutcome(RestoreOutcome.DRY_RUN, scratch.plan, ms(t0), 0);
                }
            }
            long stamp = closeGate();
            long held = System.nanoTime();
            try (Scratch scratch = build(backupId, source, backupCreatedAt)) {
                if (!scratch.plan.losesNothing() && !confirm) {
                    return new RestoreOutcome(RestoreOutcome.CONFIRMATION_REQUIRED, scratch.plan, ms(t0), ms(held));
                }
                swapIntoLive(scratch.file);
                RestoreOutcome done = new RestoreOutcome(RestoreOutcome.RESTORED, scratch.plan, ms(t0), ms(held));
                LOG.infof("restored backup %s in %d ms (writes held %d ms) with replay from %s: %s replayed; losses: %s",
                        backupId, done.durationMs(), done.writesHeldMs(), scratch.plan.replayedFrom(),
                        scratch.plan.replayed(), scratch.plan.losses().stream().map(l -> l.kind() + "=" + l.count()).toList());
                return done;
            } finally {
                gate.open(stamp);
            }
        } finally {
            running.unlock();
        }
    }

    private long closeGate() {
        Duration wait = config.library().restore().drainTimeout();
        long stamp;
        try {
            stamp = gate.close(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefusedException(503, "interrupted while waiting for the library's writes to finish");
        }
        if (stamp == 0L) {
            throw new RefusedException(503, "writes to the library did not finish within " + wait
                    + "; nothing was restored, try again");
        }
        if (!events.awaitSent(wait)) {
            gate.open(stamp);
            throw new RefusedException(503, "library events did not reach Kafka within " + wait
                    + " (is the broker up?); nothing was restored, try again");
        }
        return stamp;
    }

    /** The backup's database must be a file inside the configured backup folder. */
    private Path allowed(Path requested) {
        Path dir = config.library().restore().backupDir().toAbsolutePath().normalize();
        Path file = requested.toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(dir.toRealPath())) {
                throw new RefusedException(400, "backup_database must be a file inside " + dir + "; got " + requested);
            }
        } catch (IOException e) {
            throw new RefusedException(400, "cannot read " + requested + " or " + dir + ": " + e.getMessage());
        }
        return file;
    }

    /** A migrated copy of the backup with the replay applied, and the plan; deleted when closed. */
    private final class Scratch implements AutoCloseable {
        final Path file;
        RestorePlan plan;

        Scratch(Path file) {
            this.file = file;
        }

        @Override
        public void close() {
            for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
                try {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                } catch (IOException e) {
                    LOG.warnf("could not delete the restore's scratch file %s%s: %s", file, suffix, e.getMessage());
                }
            }
        }
    }

    private Scratch build(String backupId, Path source, Instant backupCreatedAt) {
        Path live = config.library().dbPath().toAbsolutePath().normalize();
        Scratch scratch = new Scratch(live.resolveSibling("." + live.getFileName() + ".restore"));
        try {
            scratch.close();
            Files.createDirectories(live.getParent());
            Files.copy(source, scratch.file, StandardCopyOption.REPLACE_EXISTING);
            SQLiteDataSource ds = scratchDataSource(scratch.file);
            new Migrator(ds).migrate(LibrarySchema.migrations());
            ScratchReplay replay = new ScratchReplay(ds, categorizer, config.library().moderation().enabled(),
                    config.library().playDedupWindow(), backupCreatedAt);
            Instant from = backupCreatedAt.minus(config.library().restore().replayMargin());
            TopicReplay.Read created = topics.read(Topics.AUDIO_CREATED, AudioCreated.class, from, replay::ingest);
            TopicReplay.Read actions = topics.read(Topics.LIBRARY_EVENTS, LibraryEvent.class, from, replay::apply);
            List<Loss> losses = new ArrayList<>();
            long broughtBack = 0;
            try {
                LibraryDiff.Result diff = LibraryDiff.compare(live, scratch.file);
                losses.addAll(diff.losses());
                broughtBack = diff.generationsBroughtBack();
            } catch (SQLException e) {
                losses.add(new Loss("live-database-unreadable", "the live database cannot be read (" + e.getMessage()
                        + "): what it holds beyond the backup and the replay cannot be listed and is lost", -1, List.of()));
            }
            scratch.plan = new RestorePlan(backupId, backupCreatedAt, from, replay.applied(), replay.notReplayed(),
                    created.unreadable() + actions.unreadable() + replay.generationsRejected(), broughtBack,
                    List.copyOf(losses));
            return scratch;
        } catch (IOException | RuntimeException e) {
            scratch.close();
            if (e instanceof RefusedException r) {
                throw r;
            }
            throw new RefusedException(500, "rebuilding the library from backup " + backupId + " failed: " + e.getMessage());
        }
    }

    private static SQLiteDataSource scratchDataSource(Path file) {
        SQLiteConfig c = new SQLiteConfig();
        c.enforceForeignKeys(true);
        c.setBusyTimeout(5000);
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(c);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    /**
     * Writes the rebuilt library into the live file through SQLite's backup API in one step: one write
     * transaction, so a crash leaves the old library and no reader ever sees half of the new one.
     */
    private void swapIntoLive(Path scratch) {
        Path live = config.library().dbPath().toAbsolutePath().normalize();
        SQLiteConfig c = new SQLiteConfig();
        c.setBusyTimeout(10_000);
        try (Connection conn = c.createConnection("jdbc:sqlite:" + live)) {
            int rc = ((SQLiteConnection) conn).getDatabase().restore("main", scratch.toString(), null, 100, 100, -1);
            if (rc != 0 && rc != 101) { // SQLITE_OK, SQLITE_DONE
                throw new RefusedException(500, "SQLite's backup API failed with code " + rc + " writing into " + live);
            }
        } catch (SQLException e) {
            throw new RefusedException(500, "writing the restored library into " + live + " failed: " + e.getMessage());
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
