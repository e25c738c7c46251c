package io.soundbox.backup.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soundbox.backup.engine.FileEntry;
import io.soundbox.backup.engine.Manifest;
import io.soundbox.backup.service.BackupHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BackupFreshnessCheckTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BackupHistory history = new BackupHistory(registry);
    private final Instant now = Instant.now();

    @Test
    void upWhileTheNewestBackupIsYoungerThanTheMaxAge() {
        history.recordExisting(List.of(backup(now.minus(Duration.ofHours(20)))));

        HealthCheckResponse r = check(now).call();

        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(r.getData().get().get("newest")).isEqualTo("id-1");
        assertThat(registry.get("soundbox.backup.last.success.timestamp").gauge().value())
                .isEqualTo(now.minus(Duration.ofHours(20)).plusMillis(1_500).toEpochMilli() / 1000.0);
        assertThat(registry.get("soundbox.backup.count").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void downWithAProblemOnceTheNewestBackupIsStale() {
        history.recordExisting(List.of(backup(now.minus(Duration.ofHours(40)))));

        HealthCheckResponse r = check(now).call();

        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(r.getData().get().get("problem").toString()).contains("older than PT36H");
    }

    @Test
    void aFreshInstallCountsFromTheServicesStart() {
        assertThat(check(now).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(check(now.plus(Duration.ofHours(37))).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    private BackupFreshnessCheck check(Instant at) {
        return new BackupFreshnessCheck(history, Duration.ofHours(36), Clock.fixed(at, ZoneOffset.UTC));
    }

    private static Manifest backup(Instant createdAt) {
        FileEntry db = new FileEntry("library.db", 4096, "00", 0);
        return new Manifest(1, "id-1", createdAt, "scheduled", 1_500, new Manifest.Database(db, "ok", "3.54.1"),
                List.of(), 4096, 0);
    }
}
