package io.soundbox.library.persistence;

import java.util.List;

/**
 * The library's migrations, in order. A new migration is a new file under
 * {@code src/main/resources/db/migration} plus its name here (a test checks the two agree).
 */
public final class LibrarySchema {
    public static final String LOCATION = "db/migration/";
    public static final List<String> FILES = List.of(
            "V1__generations.sql",
            "V2__community.sql",
            "V3__moderation.sql",
            "V4__search_prefix_index.sql",
            "V5__set_based_ingest.sql",
            "V6__search_owner_column.sql");

    /** The version a fully migrated database is at: that of the last file. */
    public static int latestVersion() {
        return migrations().stream().mapToInt(Migration::version).max().orElse(0);
    }

    private LibrarySchema() {
    }

    public static List<Migration> migrations() {
        return FILES.stream().map(f -> Migration.fromClasspath(LOCATION + f)).toList();
    }
}
