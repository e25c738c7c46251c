package io.soundbox.generation.health;

import io.soundbox.generation.store.AudioStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready when finished audio could not be written (volume missing, read-only or full). */
@Readiness
@ApplicationScoped
public class AudioStoreReadinessCheck implements HealthCheck {
    private final AudioStore store;

    public AudioStoreReadinessCheck(AudioStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audio-store").status(store.isWritable())
                .withData("dir", store.dir().toString()).build();
    }
}
