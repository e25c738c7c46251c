package io.soundbox.backup.engine;

import io.soundbox.backup.engine.BackupException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * backup-service's part of a restore (library-service rebuilds and swaps the database itself): refusing a
 * backup that fails verification before anything is touched, and, once the library is restored, writing
 * back the audio files that the restored library names and the store lacks or holds differently (each
 * under a hidden name, then moved into place). A file of the backup that no generation names any more
 * (deleted since the backup) stays out: a deleted generation's audio does not come back. Audio newer than
 * the backup stays too: a restore never deletes a user's work.
 */
public final class BackupRestorer {
    private final Path database;
    private final Path audioDir;
    private final BackupVerifier verifier;

    /** What the audio part of a restore did. */
    public record AudioRestore(int restored, int unchanged, int skipped) {
    }

    public BackupRestorer(Path database, Path audioDir, BackupVerifier verifier) {
        this.database = database;
        this.audioDir = audioDir;
        this.verifier = verifier;
    }

    public void requireIntact(Manifest manifest, Path folder) throws BackupException {
        Verification check = verifier.verify(manifest, folder);
        if (!check.ok()) {
            throw new BackupException(Kind.CORRUPT, "backup " + manifest.id()
                    + " is corrupt and was not restored: " + String.join("; ", check.problems()));
        }
    }

    /** Writes back the backup's audio files that the (restored) library database names. */
    public AudioRestore restoreAudio(Manifest manifest, Path folder) throws BackupException {
        Set<String> named = namedFiles();
        int restored = 0;
        int unchanged = 0;
        int skipped = 0;
        String prefix = Manifest.AUDIO_DIR + "/";
        for (FileEntry f : manifest.audio()) {
            String relative = f.path().substring(prefix.length());
            if (!named.contains(relative)) {
                skipped++;
                continue;
            }
            Path live = audioDir.resolve(relative).normalize();
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
                        + "library was restored (" + restored + " files done; run the restore again)");
            }
        }
        return new AudioRestore(restored, unchanged, skipped);
    }

    /** The audio and spectrogram file names of every generation in the library database. */
    private Set<String> namedFiles() throws BackupException {
        Set<String> names = new HashSet<>();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT filename FROM generations UNION "
                     + "SELECT spectrogram FROM generations WHERE spectrogram IS NOT NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new BackupException(Kind.SOURCE_UNREADABLE, "cannot read which audio files the restored library "
                    + database + " names: " + e.getMessage(), e);
        }
        return names;
    }
}
