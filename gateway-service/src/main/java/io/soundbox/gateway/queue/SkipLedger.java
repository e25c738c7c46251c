package io.soundbox.gateway.queue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Which jobs were skipped (or are being paid for right now), so a job is skipped at most once and two
 * concurrent skip requests cannot both charge the user. Bounded; entries expire after {@code keepFor}
 * (longer than any job waits). Thread-safe.
 *
 * <p>Every gateway replica fills its ledger from {@code soundbox.generation.control} too (skips made
 * through other replicas or before a restart). Two requests for one job reaching two replicas within
 * the same second could still both be charged; generation-service applies one skip per job either way.
 */
public final class SkipLedger {
    public enum Entry { PAYING, SKIPPED }

    private final Cache<String, Entry> entries;

    public SkipLedger(long maxSize, Duration keepFor) {
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(keepFor).build();
    }

    /** Claims the job for a payment; false when it is already skipped or being paid for. */
    public boolean tryBegin(String jobId) {
        return entries.asMap().putIfAbsent(jobId, Entry.PAYING) == null;
    }

    public void markSkipped(String jobId) {
        entries.put(jobId, Entry.SKIPPED);
    }

    /** The payment did not go through: the job may be skipped later. */
    public void release(String jobId) {
        entries.asMap().remove(jobId, Entry.PAYING);
    }

    public boolean isSkipped(String jobId) {
        return entries.getIfPresent(jobId) == Entry.SKIPPED;
    }
}
