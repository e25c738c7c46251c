package io.soundbox.library.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.JDBC;

/**
 * A real SQLite file opened the way the service opens it (same driver, same URL parameters as
 * application.properties), without a pool: each getConnection opens the file.
 */
public final class TestDatabase extends ConnectionOnlyDataSource {
    public static final String PARAMS =
            "?journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL&foreign_keys=on&transaction_mode=IMMEDIATE&cache_size=-65536&mmap_size=1073741824&wal_autocheckpoint=65536&journal_size_limit=67108864";
    private final String url;

    private TestDatabase(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath() + PARAMS;
    }

    public static TestDatabase at(Path file) {
        return new TestDatabase(file);
    }

    /** A database in {@code dir} migrated to the library's current schema. */
    public static TestDatabase migrated(Path dir) {
        TestDatabase db = at(dir.resolve("library.db"));
        new Migrator(db).migrate(LibrarySchema.migrations());
        return db;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return new JDBC().connect(url, new java.util.Properties());
    }
}
