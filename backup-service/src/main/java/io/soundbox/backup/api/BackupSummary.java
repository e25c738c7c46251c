package io.soundbox.backup.api;

import io.soundbox.backup.engine.Manifest;
import java.time.Instant;

/** One backup as the API lists it (the manifest without its file list). */
public record BackupSummary(String id, Instant createdAt, String trigger, long durationMs, long sizeBytes,
                            long newBytes, long databaseBytes, String integrity, int audioFiles, int linkedFiles) {
    public static BackupSummary of(Manifest m) {
        return new BackupSummary(m.id(), m.createdAt(), m.trigger(), m.durationMs(), m.totalBytes(), m.newBytes(),
                m.database().file().size(), m.database().integrity(), m.audio().size(), m.linkedFiles());
    }
}
