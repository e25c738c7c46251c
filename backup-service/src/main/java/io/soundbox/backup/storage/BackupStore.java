package io.soundbox.backup.storage;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.audio.store.WritableDirectory;
import io.soundbox.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The folder that will hold database snapshots and audio-store copies ({@code <data-dir>/backups}). */
@ApplicationScoped
public class BackupStore {
    private final WritableDirectory dir;

    public BackupStore(BackupConfig config) {
        this.dir = new WritableDirectory(config.backupDir());
    }

    /** Creating the folder at start lets a fresh data directory work without a setup step. */
    void onStart(@Observes StartupEvent event) {
        try {
            dir.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup folder " + dir.path(), e);
        }
    }

    public WritableDirectory directory() {
        return dir;
    }
}
