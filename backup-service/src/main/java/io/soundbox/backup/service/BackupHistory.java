package io.soundbox.backup.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.soundbox.backup.engine.Manifest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * What the service knows about past runs, for the status endpoint, readiness and metrics. Survives a
 * restart as far as the backups on disk tell (the newest one's time, size and duration); failures are
 * counted from the start of this process. Thread-safe: one immutable snapshot, swapped atomically.
 *
 * <p>Metrics (Prometheus names): {@code soundbox_backup_last_success_timestamp_seconds},
 * {@code soundbox_backup_last_duration_seconds}, {@code soundbox_backup_last_size_bytes},
 * {@code soundbox_backup_last_new_bytes}, {@code soundbox_backup_count},
 * {@code soundbox_backup_success_total}, {@code soundbox_backup_failures_total}.
 */
@ApplicationScoped
public class BackupHistory {
    /**
     * @param lastRun       start of the last attempt in this process, or null
     * @param lastOutcome   "success", "failed", or null before the first attempt
     * @param newest        the newest complete backup on disk, or null
     */
    public record Snapshot(Instant lastRun, String lastOutcome, String lastError, Instant lastFailure,
                           Manifest newest, int count, Instant processStart) {
        public Instant lastSuccess() {
            return newest == null ? null : newest.createdAt().plusMillis(newest.durationMs());
        }
    }

    private final Counter successes;
    private final Counter failures;
    private volatile Snapshot state = new Snapshot(null, null, null, null, null, 0, Instant.now());

    public BackupHistory(MeterRegistry registry) {
        this.successes = Counter.builder("soundbox.backup.success").description("Backups that completed")
                .register(registry);
        this.failures = Counter.builder("soundbox.backup.failures").description("Backups that failed")
                .register(registry);
        Gauge.builder("soundbox.backup.last.success.timestamp", this,
                        h -> seconds(h.state.lastSuccess()))
                .baseUnit("seconds").description("When the newest complete backup finished (epoch seconds, 0 when none)")
                .register(registry);
        Gauge.builder("soundbox.backup.last.duration", this,
                        h -> h.state.newest == null ? 0 : h.state.newest.durationMs() / 1000.0)
                .baseUnit("seconds").description("How long the newest complete backup took").register(registry);
        Gauge.builder("soundbox.backup.last.size", this,
                        h -> h.state.newest == null ? 0 : h.state.newest.totalBytes())
                .baseUnit("bytes").description("Size of the newest backup (database + audio, linked files included)")
                .register(registry);
        Gauge.builder("soundbox.backup.last.new", this,
                        h -> h.state.newest == null ? 0 : h.state.newest.newBytes())
                .baseUnit("bytes").description("Bytes the newest backup wrote (the rest are hard links)")
                .register(registry);
        Gauge.builder("soundbox.backup.count", this, h -> h.state.count)
                .description("Complete backups on disk").register(registry);
    }

    public Snapshot snapshot() {
        return state;
    }

    /** Takes the backups on disk as the truth about the newest backup and the count. */
    public synchronized void recordExisting(List<Manifest> onDisk) {
        Snapshot s = state;
        Manifest newest = onDisk.isEmpty() ? null : onDisk.get(onDisk.size() - 1);
        state = new Snapshot(s.lastRun(), s.lastOutcome(), s.lastError(), s.lastFailure(), newest, onDisk.size(),
                s.processStart());
    }

    synchronized void started(Instant at) {
        Snapshot s = state;
        state = new Snapshot(at, s.lastOutcome(), s.lastError(), s.lastFailure(), s.newest(), s.count(), s.processStart());
    }

    synchronized void succeeded(Manifest m, Instant at) {
        Snapshot s = state;
        successes.increment();
        state = new Snapshot(s.lastRun(), "success", null, s.lastFailure(), m, s.count() + 1, s.processStart());
    }

    synchronized void failed(Instant at, String error) {
        Snapshot s = state;
        failures.increment();
        state = new Snapshot(s.lastRun(), "failed", error, at, s.newest(), s.count(), s.processStart());
    }

    private static double seconds(Instant t) {
        return t == null ? 0 : t.toEpochMilli() / 1000.0;
    }
}
