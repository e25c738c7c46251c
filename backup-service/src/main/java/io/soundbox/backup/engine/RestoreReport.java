package io.soundbox.backup.engine;

/**
 * What a restore changed.
 *
 * @param backupCreatedAt when the restored backup was taken: what happened after it is not in the library
 * @param audioRestored  files written back into the audio store (missing or different there)
 * @param audioUnchanged files the store already held with the backup's size and modification time
 */
public record RestoreReport(String id, java.time.Instant backupCreatedAt, long databaseBytes, String integrity, int audioRestored, int audioUnchanged,
                            long durationMs) {
}
