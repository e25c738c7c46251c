package io.soundbox.backup.engine;

/** Told when a backup in progress reaches a stage (logging; tests use it to stop a run mid-way). */
@FunctionalInterface
public interface BackupProgress {
    BackupProgress NONE = stage -> { };

    enum Stage { DATABASE_COPIED, AUDIO_COPIED, MANIFEST_WRITTEN }

    void reached(Stage stage);
}
