package io.soundbox.backup.engine;

import io.soundbox.backup.engine.BackupException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Brings a verified backup back: the library database through SQLite's backup API into the live file
 * (one transaction, see {@link SqliteCopies#restoreInto}) and every audio file that is missing from the
 * store or differs from the backup (each written under a hidden name and moved into place). Audio
 * files newer than the backup stay: a restore never deletes a user's work. A backup that fails
 * verification is refused before anything is touched.
 */
public final class BackupRestorer {
    private static final Logger LOG = Logger.getLogger(BackupRestorer.class);

    private final Path database;
    private final Path audioDir;
    private final BackupVerifier verifier;

    public BackupRestorer(Path database, Path audioDir, BackupVerifier verifier) {
        this.database = database;
        this.audioDir = audioDir;
        this.verifier = verifier;
    }

    public RestoreReport restore(Manifest manifest, Path folder) throws BackupException {
        long t0 = System.nanoTime();
        Verification check = verifier.verify(manifest, folder);
        if (!check.ok()) {
            throw new BackupException(Kind.CORRUPT, "backup " + manifest.id()
                    + " is corrupt and was not restored: " + String.join("; ", check.problems()));
        }
        Path copy = folder.resolve(manifest.database().file().path());
        String integrity;
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
            SqliteCopies.restoreInto(copy, database);
            List<String> rows = SqliteCopies.integrityCheck(database);
            integrity = String.join("; ", rows);
            if (!rows.equals(List.of("ok"))) {
                throw new BackupException(Kind.FAILED, "the restored database " + database
                        + " fails PRAGMA integrity_check: " + integrity);
            }
        } catch (SQLException e) {
            throw new BackupException(Kind.FAILED, "restoring " + database + " from backup " + manifest.id()
                    + " failed (is library-service still writing? stop it first): " + e.getMessage(), e);
        } catch (IOException e) {
            throw BackupRunner.translate(e, "cannot create the folder of " + database);
        }
        int restored = 0;
        int unchanged = 0;
        String prefix = Manifest.AUDIO_DIR + "/";
        for (FileEntry f : manifest.audio()) {
            Path live = audioDir.resolve(f.path().substring(prefix.length())).normalize();
            try {
                if (Files.isRegularFile(live) && Files.size(live) == f.size()
                        && Files.getLastModifiedTime(live).toMillis() == f.modified()) {
                    unchanged++;
                    continue;
                }
                Files.createDirectories(live.getParent());
                Path part = live.resolveSibling("." + live.getFileName() + ".restore.part");
                Files.deleteIfExists(part);
                Files.copy(folder.resolve(f.path()), part);
                Files.setLastModifiedTime(part, FileTime.fromMillis(f.modified()));
                Files.move(part, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                restored++;
            } catch (IOException e) {
                throw BackupRunner.translate(e, "restoring " + f.path() + " into " + audioDir + " failed after the "
                        + "database was restored (" + restored + " files done; run the restore again)");
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("restored backup %s in %d ms: database %d bytes, %d audio files written, %d already in place",
                manifest.id(), ms, manifest.database().file().size(), restored, unchanged);
        return new RestoreReport(manifest.id(), manifest.createdAt(), manifest.database().file().size(), integrity, restored, unchanged, ms);
    }
}
