package io.soundbox.library.restore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a restore does: the backup, the replay after it, and what the result would lose against the live
 * library. A restore with losses goes ahead only when confirmed.
 *
 * @param replayedFrom          records from this time on were replayed (the backup's time less a margin)
 * @param replayed              records re-applied, by type (audio_created, generation_deleted, voted, ...)
 * @param notReplayed           library events of this time that replay does not re-apply, by type
 * @param unreadableRecords     records of either topic that could not be read
 * @param generationsBroughtBack generations the restored library has that the live one lacks and never deleted
 * @param losses                every difference the restore would lose; empty: the restore loses nothing
 */
public record RestorePlan(String backupId, Instant backupCreatedAt, Instant replayedFrom, Map<String, Long> replayed,
                          Map<String, Long> notReplayed, long unreadableRecords, long generationsBroughtBack,
                          List<Loss> losses) {
    public boolean losesNothing() {
        return losses.isEmpty();
    }
}
