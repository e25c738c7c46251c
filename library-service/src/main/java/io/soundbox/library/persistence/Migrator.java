package io.soundbox.library.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies versioned SQL migrations to a SQLite database, each in its own transaction, and records them
 * in {@code schema_version}. Running it again applies only what is missing, so every start may run it.
 *
 * <p>A script may hold many statements (triggers included): sqlite-jdbc runs a whole script through
 * {@code sqlite3_exec}, so SQLite's own parser splits it. DDL is transactional in SQLite, so a failing
 * migration leaves nothing half-applied.
 *
 * <p>With the datasource's {@code transaction_mode=IMMEDIATE} each transaction takes the write lock at
 * BEGIN, so two processes starting at once cannot both apply the same version.
 */
public final class Migrator {
    private static final String CREATE_VERSION_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                checksum    TEXT NOT NULL,
                applied_at  TEXT NOT NULL
            )""";

    private final DataSource dataSource;
    private final Clock clock;

    public Migrator(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public Migrator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** What a run did: the versions it applied and the version the database is at afterwards. */
    public record Report(List<Integer> applied, int currentVersion) {
    }

    public Report migrate(List<Migration> migrations) {
        List<Migration> ordered = inOrder(migrations);
        int newestKnown = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).version();
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(CREATE_VERSION_TABLE);
                }
                int current = currentVersion(c);
                if (current > newestKnown) {
                    throw new MigrationException("the database is at schema version " + current
                            + ", newer than this build knows (" + newestKnown + "): refusing to run an older"
                            + " service against it");
                }
                for (Migration m : ordered) {
                    if (applyIfMissing(c, m)) {
                        applied.add(m.version());
                    }
                }
                return new Report(List.copyOf(applied), currentVersion(c));
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("cannot migrate the library database: " + e.getMessage(), e);
        }
    }

    /** The highest applied version, 0 for a database no migration has touched. */
    public int currentVersion() {
        try (Connection c = dataSource.getConnection()) {
            return currentVersion(c);
        } catch (SQLException e) {
            throw new MigrationException("cannot read the schema version: " + e.getMessage(), e);
        }
    }

    private boolean applyIfMissing(Connection c, Migration m) throws SQLException {
        c.setAutoCommit(false);
        try {
            String recorded = recordedChecksum(c, m.version());
            if (recorded != null) {
                c.rollback();
                if (!recorded.equals(m.checksum())) {
                    throw new MigrationException("migration " + m.label() + " was changed after it was applied"
                            + " (checksum " + recorded + " in the database, " + m.checksum() + " now): add a new"
                            + " migration instead of editing an applied one");
                }
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate(m.script());
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, m.version());
                p.setString(2, m.description());
                p.setString(3, m.checksum());
                p.setString(4, SqlInstants.format(clock.instant()));
                p.executeUpdate();
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            if (e instanceof MigrationException me) {
                throw me;
            }
            throw new MigrationException("migration " + m.label() + " failed and was rolled back: "
                    + e.getMessage(), e);
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static List<Migration> inOrder(List<Migration> migrations) {
        Set<Integer> seen = new HashSet<>();
        for (Migration m : migrations) {
            if (!seen.add(m.version())) {
                throw new MigrationException("two migrations share version " + m.version());
            }
        }
        List<Migration> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparingInt(Migration::version));
        return ordered;
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery(
                     "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!exists.next()) {
                return 0;
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String recordedChecksum(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT checksum FROM schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
