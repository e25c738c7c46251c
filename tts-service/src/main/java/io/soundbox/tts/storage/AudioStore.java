package io.soundbox.tts.storage;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.audio.store.WritableDirectory;
import io.soundbox.tts.config.TtsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared audio store ({@code <data-dir>/audio}) where synthesized speech is written. */
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

    /** Writes a 16-bit WAV atomically (temp file, then rename): readers never see half a file. */
    public Path write(String filename, PcmBuffer pcm) throws IOException {
        if (!filename.matches("[A-Za-z0-9_.-]+\\.wav")) {
            throw new IllegalArgumentException("not an audio store file name: " + filename);
        }
        Path target = dir.path().resolve(filename);
        dir.create();
        WavCodec.writeAtomically(pcm, target);
        return target;
    }

    public void delete(String filename) throws IOException {
        Files.deleteIfExists(dir.path().resolve(filename));
    }
}
