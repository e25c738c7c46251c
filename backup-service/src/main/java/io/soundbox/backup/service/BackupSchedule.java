package io.soundbox.backup.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.soundbox.backup.engine.BackupException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The nightly backup: {@code soundbox.backup.schedule} (Quartz cron, nightly at 03:00 by default,
 * {@code off} to disable). Runs on a worker thread; a run still going when the next is due is skipped.
 */
@ApplicationScoped
public class BackupSchedule {
    static final String JOB = "soundbox-backup";
    private final BackupService service;
    private final Scheduler scheduler;

    public BackupSchedule(BackupService service, Scheduler scheduler) {
        this.service = service;
        this.scheduler = scheduler;
    }

    @Scheduled(identity = JOB, cron = "${soundbox.backup.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        try {
            service.backup("scheduled");
        } catch (BackupException e) {
            // Already logged and counted by BackupService; readiness turns DOWN once the backup is stale.
        }
    }

    /** When the next scheduled backup runs; empty when the schedule is off. */
    public Optional<Instant> nextRun() {
        Trigger t = scheduler.getScheduledJob(JOB);
        return t == null ? Optional.empty() : Optional.ofNullable(t.getNextFireTime());
    }
}
