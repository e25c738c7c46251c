package io.soundbox.library.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;

/** Everything library-service reads from configuration under {@code soundbox.*}. */
@ConfigMapping(prefix = "soundbox")
public interface LibraryConfig {
    /** Shared by every service: the audio store and the databases live below it (env SOUNDBOX_DATA). */
    Path dataDir();

    Library library();

    interface Library {
        /**
         * The SQLite database file; application.properties defaults it to
         * {@code ${soundbox.data-dir}/library/library.db} and builds the JDBC URL from it, so the two
         * cannot disagree. Its directory is created at start.
         */
        Path dbPath();
    }
}
