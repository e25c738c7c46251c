package io.soundbox.backup.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** backup-service configuration; {@code soundbox.data-dir} is shared by every service of the stack. */
@ConfigMapping(prefix = "soundbox")
public interface BackupConfig {

    /** Root of the stack's state (env {@code SOUNDBOX_DATA}); backups go to its {@code backups/} folder. */
    Path dataDir();

    default Path backupDir() {
        return dataDir().toAbsolutePath().normalize().resolve("backups");
    }
}
