package io.soundbox.backup.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite operations a backup needs, on short-lived plain JDBC connections (blocking: call
 * them from worker threads).
 *
 * <p>Why {@code VACUUM INTO} for the snapshot: it runs as one read transaction on a read-only
 * connection, so in WAL mode library-service keeps writing the whole time and the copy is exactly the
 * database as of that transaction's start (no torn copy, no lock-out). The online backup API, by
 * contrast, copies in steps and starts over whenever another process writes between two steps, which
 * under steady writes may never finish. The copy is also compacted and in rollback-journal mode, a
 * single self-contained file.
 */
public final class SqliteCopies {
    /** How long an operation waits for a lock held by library-service before it fails as busy. */
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private SqliteCopies() {
    }

    /** Writes a consistent copy of the live database to {@code target}, which must not exist. */
    public static void snapshot(Path live, Path target) throws SQLException {
        try (Connection c = open(live, true);
             PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        }
    }

    /** The rows of {@code PRAGMA integrity_check}: exactly {@code ["ok"]} for a sound database. */
    public static List<String> integrityCheck(Path db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = open(db, true);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next() && rows.size() < 20) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    public static String sqliteVersion(Path db) throws SQLException {
        try (Connection c = open(db, true);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection open(Path db, boolean readOnly) throws SQLException {
        if (readOnly && !Files.isRegularFile(db)) {
            throw new SQLException(db + " does not exist or is not a file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + db);
    }
}
