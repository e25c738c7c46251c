package io.soundbox.library.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Everything library-service reads from configuration under {@code soundbox.*}. */
@ConfigMapping(prefix = "soundbox")
public interface LibraryConfig {
    /** Shared by every service: the audio store and the databases live below it (env SOUNDBOX_DATA). */
    Path dataDir();

    /** The shared audio store (the gateway serves it); owner deletes remove files here. */
    Path audioDir();

    /** Where spectrogram images live; the audio store unless configured otherwise. */
    Path spectrogramDir();

    Library library();

    InternalAuth internalAuth();

    interface Library {
        /**
         * The SQLite database file; application.properties defaults it to
         * {@code ${soundbox.data-dir}/library/library.db} and builds the JDBC URL from it, so the two
         * cannot disagree. Its directory is created at start.
         */
        Path dbPath();

        /** Whether an owner delete also removes the audio and spectrogram files from the audio store. */
        @WithDefault("true")
        boolean deleteFiles();

        /** A play of the same generation by the same listener within this window is not counted again. */
        @WithDefault("PT30S")
        Duration playDedupWindow();

        /** How many distinct users must agree before a suggested category is added or removed. */
        @WithDefault("3")
        int tagConsensus();

        Radio radio();

        Moderation moderation();

        Search search();

        Restore restore();

        Readiness readiness();
    }

    /** Restores from a backup, which library-service performs itself (docs/operations.md). */
    interface Restore {
        /**
         * The only folder a restore reads a backup database from (backup-service's folder; env
         * SOUNDBOX_BACKUP_DIR): the admin API names a file, and this keeps it to backups.
         */
        Path backupDir();

        /**
         * Replay starts this long before the backup was taken: a record produced just before the snapshot
         * may have been stored only after it. Replay is idempotent, so starting early is safe.
         */
        @WithDefault("PT60S")
        Duration replayMargin();

        /** How long a restore waits for the writes in flight (HTTP requests, a consumer batch) to finish. */
        @WithDefault("PT30S")
        Duration drainTimeout();
    }

    /** When readiness reports UP. */
    interface Readiness {
        /**
         * After start, readiness stays DOWN until the records of soundbox.audio.created not yet stored are
         * at most this many, so that `./soundbox up` waits for the library to catch up.
         */
        @WithDefault("100")
        long maxLag();
    }

    interface Moderation {
        /**
         * Whether an item its owner makes public waits for an admin's approval before others see it.
         * Off by default: on a laptop the operator does not review their own clips. A public deployment
         * turns it on (env SOUNDBOX_LIBRARY_MODERATION_ENABLED=true).
         */
        @WithDefault("false")
        boolean enabled();
    }

    /** Bounds on the work one listing request may cause (see docs/api.md, total_is_estimate). */
    interface Search {
        /**
         * A search considers at most this many matches, the newest first: they are ranked (bm25 or the
         * chosen order) and paged, and its total counts up to this many ({@code total_is_estimate} when
         * there are more).
         */
        @WithDefault("1000")
        int maxMatches();

        /** A listing without search text counts up to this many items ({@code total_is_estimate} beyond). */
        @WithDefault("10000")
        int listCountCap();
    }

    interface Radio {
        /** Tracks a listener session remembers (and is not played again) — the original widget used 50. */
        @WithDefault("50")
        int sessionHistory();

        /** Listener sessions remembered at once; the least recently used is forgotten first. */
        @WithDefault("10000")
        int maxSessions();
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
