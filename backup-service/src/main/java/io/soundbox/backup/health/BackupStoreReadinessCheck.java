package io.soundbox.backup.health;

import io.soundbox.backup.storage.BackupStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a backup could not be written: the backup folder must exist and take a write. */
@Readiness
@ApplicationScoped
public class BackupStoreReadinessCheck implements HealthCheck {
    private final BackupStore store;

    public BackupStoreReadinessCheck(BackupStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = store.directory().problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backup-store")
                .withData("path", store.directory().path().toString());
        problem.ifPresent(p -> response.withData("problem", p));
        return response.status(problem.isEmpty()).build();
    }
}
