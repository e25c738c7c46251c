package io.soundbox.backup.engine;

import java.time.Instant;
import java.util.List;

/**
 * What a backup holds, written last into the backup folder (so a folder without one is not a backup):
 * the database copy and every audio file with its size and SHA-256.
 *
 * @param trigger   {@code scheduled}, {@code manual} or another word for why it was taken
 * @param newBytes  bytes this backup wrote; the rest are hard links to the previous backup
 */
public record Manifest(int format, String id, Instant createdAt, String trigger, long durationMs,
                       Database database, List<FileEntry> audio, long newBytes, int linkedFiles) {
    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";
    public static final String DB_FILE = "library.db";
    public static final String AUDIO_DIR = "audio";

    /** @param integrity the result of {@code PRAGMA integrity_check} on the copy ("ok") */
    public record Database(FileEntry file, String integrity, String sqliteVersion) {
    }

    public long totalBytes() {
        long sum = database.file().size();
        for (FileEntry f : audio) {
            sum += f.size();
        }
        return sum;
    }
}
