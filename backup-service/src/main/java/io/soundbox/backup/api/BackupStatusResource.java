package io.soundbox.backup.api;

import io.soundbox.backup.auth.AdminGuard;
import io.soundbox.backup.service.BackupHistory;
import io.soundbox.backup.service.BackupSchedule;
import io.soundbox.backup.service.BackupService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** The original Sound Box's backup endpoints (admin): status with last run, size and count; run now. */
@Path("/api/backup")
@Produces(MediaType.APPLICATION_JSON)
public class BackupStatusResource {
    private final BackupService service;
    private final BackupHistory history;
    private final BackupSchedule schedule;
    private final AdminGuard guard;

    public BackupStatusResource(BackupService service, BackupHistory history, BackupSchedule schedule,
                                AdminGuard guard) {
        this.service = service;
        this.history = history;
        this.schedule = schedule;
        this.guard = guard;
    }

    /**
     * @param lastRun     start of the last attempt since the service started (null before the first)
     * @param lastStatus  success | failed | null
     * @param lastBackup  the newest complete backup on disk
     */
    public record Status(boolean running, Instant lastRun, String lastStatus, String lastError,
                         Instant lastSuccess, BackupSummary lastBackup, Long lastSizeBytes, Double lastDurationS,
                         int count, Instant nextRun, String backupDir) {
    }

    public record RunResult(String status, BackupSummary backup) {
    }

    @GET
    @Path("status")
    public Status status(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        guard.requireAdmin(auth);
        BackupHistory.Snapshot s = history.snapshot();
        BackupSummary last = s.newest() == null ? null : BackupSummary.of(s.newest());
        return new Status(service.running(), s.lastRun(), s.lastOutcome(), s.lastError(), s.lastSuccess(), last,
                last == null ? null : last.sizeBytes(), last == null ? null : last.durationMs() / 1000.0,
                s.count(), schedule.nextRun().orElse(null), service.folder().toString());
    }

    @POST
    @Path("run")
    public RunResult run(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        guard.requireAdmin(auth);
        return new RunResult("completed", BackupSummary.of(BackupAdminResource.call(() -> service.backup("manual"))));
    }
}
