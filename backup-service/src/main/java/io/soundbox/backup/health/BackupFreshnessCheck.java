package io.soundbox.backup.health;

import io.soundbox.backup.config.BackupConfig;
import io.soundbox.backup.service.BackupHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN when the newest backup is older than {@code soundbox.backup.max-age}. A fresh install has no
 * backup yet: its age counts from the service's start, so a new stack is ready and turns DOWN only
 * when the schedule has had its chance and still nothing succeeded.
 */
@Readiness
@ApplicationScoped
public class BackupFreshnessCheck implements HealthCheck {
    private final BackupHistory history;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    public BackupFreshnessCheck(BackupHistory history, BackupConfig config) {
        this(history, config.backup().maxAge(), Clock.systemUTC());
    }

    public BackupFreshnessCheck(BackupHistory history, Duration maxAge, Clock clock) {
        this.history = history;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        BackupHistory.Snapshot s = history.snapshot();
        Instant now = clock.instant();
        Instant lastSuccess = s.lastSuccess();
        Instant since = lastSuccess == null ? s.processStart() : lastSuccess;
        Duration age = Duration.between(since, now);
        boolean fresh = age.compareTo(maxAge) <= 0;
        HealthCheckResponseBuilder r = HealthCheckResponse.named("backup-freshness")
                .withData("max_age", maxAge.toString())
                .withData("backups", s.count());
        if (s.newest() != null) {
            r.withData("newest", s.newest().id()).withData("last_success", lastSuccess.toString())
                    .withData("age_s", age.toSeconds());
        } else {
            r.withData("newest", "none yet");
        }
        if (s.lastError() != null) {
            r.withData("last_error", s.lastError());
        }
        if (!fresh) {
            r.withData("problem", "the newest backup is older than " + maxAge
                    + (s.lastError() == null ? "" : "; the last attempt failed: " + s.lastError()));
        }
        return r.status(fresh).build();
    }
}
