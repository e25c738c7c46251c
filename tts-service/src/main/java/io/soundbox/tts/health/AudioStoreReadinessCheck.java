package io.soundbox.tts.health;

import io.soundbox.tts.storage.AudioStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while speech could not be stored: the audio store must exist and take a write. */
@Readiness
@ApplicationScoped
public class AudioStoreReadinessCheck implements HealthCheck {
    private final AudioStore store;

    public AudioStoreReadinessCheck(AudioStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = store.directory().problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("audio-store")
                .withData("path", store.directory().path().toString());
        problem.ifPresent(p -> response.withData("problem", p));
        return response.status(problem.isEmpty()).build();
    }
}
