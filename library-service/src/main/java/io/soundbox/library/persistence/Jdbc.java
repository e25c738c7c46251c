package io.soundbox.library.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Borrowing a connection for one unit of work. Writes run in one transaction (the datasource's
 * {@code transaction_mode=IMMEDIATE} takes SQLite's write lock at BEGIN, so a read-then-write never
 * fails half-way as busy); reads run in autocommit mode, which never takes the write lock.
 */
public final class Jdbc {
    /** A piece of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public <T> T write(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LibraryStoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    public <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new LibraryStoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Binds the arguments in order: String, Integer, Long, Double, Boolean (as 0/1) or null. */
    public static PreparedStatement bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Boolean b) {
                p.setInt(i + 1, b ? 1 : 0);
            } else {
                p.setObject(i + 1, a);
            }
        }
        return p;
    }

    /** Runs an update with the arguments bound and returns the number of changed rows. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            return bind(p, args).executeUpdate();
        }
    }

    /** A single long value (count, sum), 0 for none. */
    public static long longValue(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql); var rs = bind(p, args).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
