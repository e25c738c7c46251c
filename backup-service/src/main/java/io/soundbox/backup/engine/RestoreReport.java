package io.soundbox.backup.engine;

import java.time.Instant;
import java.util.Map;

/**
 * What a restore did (or, for a dry run, would do).
 *
 * @param backupCreatedAt when the restored backup was taken; everything after it was replayed or is listed
 *                        in {@code library.plan.losses}
 * @param status          {@code restored} or {@code dry_run}
 * @param library         library-service's account: the plan (replayed records, losses) and timings
 * @param audioRestored   files written back into the audio store (named by the library, missing or different)
 * @param audioUnchanged  files the store already held with the backup's size and modification time
 * @param audioSkipped    files of the backup that no generation names any more (deleted since): left out
 */
public record RestoreReport(String id, Instant backupCreatedAt, String status, Map<String, Object> library,
                            int audioRestored, int audioUnchanged, int audioSkipped, long durationMs) {
}
