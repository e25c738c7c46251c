package io.soundbox.backup.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** backup-service configuration; {@code soundbox.data-dir} and {@code soundbox.audio-dir} are shared by the stack. */
@ConfigMapping(prefix = "soundbox")
public interface BackupConfig {

    /** Root of the stack's state (env {@code SOUNDBOX_DATA}). */
    Path dataDir();

    /** The shared audio store, backed up incrementally (same key and default as the other services). */
    Path audioDir();

    Backup backup();

    InternalAuth internalAuth();

    /** Where backups are kept; {@code soundbox.backup.dir}, by default {@code <data-dir>/backups}. */
    default Path backupDir() {
        return backup().dir().toAbsolutePath().normalize();
    }

    interface Backup {
        /** The folder holding one sub-folder per backup. */
        Path dir();

        /**
         * The library's SQLite file. Its own key (library-service owns {@code soundbox.library.db-path});
         * application.properties defaults both to {@code <data-dir>/library/library.db} and env
         * {@code SOUNDBOX_LIBRARY_DB_PATH}, so they agree unless someone configures them apart.
         */
        Path dbPath();

        /** Quartz-style cron of the scheduled backup; {@code off} disables it. Nightly at 03:00 by default. */
        @WithDefault("0 0 3 * * ?")
        String schedule();

        /** Readiness reports DOWN when the newest backup (or the service's start) is older than this. */
        @WithDefault("PT36H")
        Duration maxAge();

        /** A backup does not start unless the target keeps at least this much free after it. */
        @WithDefault("64M")
        MemorySize minFreeSpace();

        Retention retention();

        /**
         * library-service's base URL: a restore is performed by library-service (it rebuilds the backup with
         * a replay of everything after it and swaps its own database), backup-service asks it to.
         */
        String libraryUrl();

        /** How long a restore call to library-service may take (the rebuild reads Kafka from the backup's time). */
        @WithDefault("PT10M")
        Duration restoreTimeout();
    }

    interface Retention {
        /** Every day's newest backup is kept for this many calendar days. */
        @WithDefault("14")
        int dailyDays();

        /** After that, each ISO week's newest backup is kept for this many calendar months. */
        @WithDefault("2")
        int weeklyMonths();

        /** The calendar that days and weeks are counted in (a zone id such as Europe/Berlin); the system's when unset. */
        Optional<String> zone();

        default ZoneId zoneId() {
            return zone().filter(z -> !z.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
        }
    }

    interface InternalAuth {
        /** The gateway's public key (PEM, X.509); re-read when the file changes. */
        Path publicKeyPath();

        @WithDefault("soundbox-gateway")
        String issuer();

        @WithDefault("soundbox-internal")
        String audience();
    }
}
