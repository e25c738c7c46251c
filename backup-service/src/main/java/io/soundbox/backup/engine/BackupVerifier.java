package io.soundbox.backup.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a backup as it is on disk: every file of the manifest exists with its recorded size and
 * SHA-256, and the database copy passes {@code PRAGMA integrity_check}. Reads only; plain Java.
 */
public final class BackupVerifier {
    /** Beyond this many problems the backup is corrupt enough; listing more helps nobody. */
    private static final int MAX_PROBLEMS = 50;

    public Verification verify(Manifest manifest, Path folder) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        long bytes = 0;
        String integrity = "not checked";
        List<FileEntry> files = new ArrayList<>(manifest.audio().size() + 1);
        files.add(manifest.database().file());
        files.addAll(manifest.audio());
        for (FileEntry f : files) {
            if (problems.size() >= MAX_PROBLEMS) {
                problems.add("... (stopped after " + MAX_PROBLEMS + " problems)");
                break;
            }
            Path file = folder.resolve(f.path()).normalize();
            boolean isAudio = f != manifest.database().file();
            if (!file.startsWith(folder) || f.path().isBlank()
                    || (isAudio && !file.startsWith(folder.resolve(Manifest.AUDIO_DIR)))) {
                problems.add(f.path() + ": the manifest names a path outside the backup");
                continue;
            }
            checked++;
            try {
                if (!Files.isRegularFile(file)) {
                    problems.add(f.path() + ": missing");
                    continue;
                }
                long size = Files.size(file);
                if (size != f.size()) {
                    problems.add(f.path() + ": " + size + " bytes, the manifest says " + f.size());
                    continue;
                }
                bytes += size;
                String sha = FileDigest.sha256(file);
                if (!sha.equals(f.sha256())) {
                    problems.add(f.path() + ": SHA-256 " + sha + " differs from the manifest's " + f.sha256());
                }
            } catch (IOException e) {
                problems.add(f.path() + ": cannot be read (" + e + ")");
            }
        }
        Path db = folder.resolve(manifest.database().file().path()).normalize();
        if (db.startsWith(folder) && Files.isRegularFile(db)) {
            try {
                List<String> rows = SqliteCopies.integrityCheck(db);
                integrity = String.join("; ", rows);
                if (!rows.equals(List.of("ok"))) {
                    problems.add(manifest.database().file().path() + ": PRAGMA integrity_check: " + integrity);
                }
            } catch (SQLException e) {
                integrity = "failed";
                problems.add(manifest.database().file().path() + ": not a readable SQLite database (" + e.getMessage() + ")");
            }
        }
        return new Verification(manifest.id(), problems.isEmpty(), checked, bytes, integrity, List.copyOf(problems));
    }
}
