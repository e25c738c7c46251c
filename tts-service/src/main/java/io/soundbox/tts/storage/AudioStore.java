package io.soundbox.tts.storage;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.tts.config.TtsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The shared audio store ({@code <data-dir>/audio}) where synthesized speech will be written. */
@ApplicationScoped
public class AudioStore {
    private final WritableDirectory dir;

    public AudioStore(TtsConfig config) {
        this.dir = new WritableDirectory(config.audioDir());
    }

    /** Creating the folder at start lets a fresh data directory work without a setup step. */
    void onStart(@Observes StartupEvent event) {
        try {
            dir.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audio store " + dir.path(), e);
        }
    }

    public WritableDirectory directory() {
        return dir;
    }
}
