package io.soundbox.library.bench;

import io.soundbox.library.persistence.ConnectionOnlyDataSource;
import io.soundbox.library.persistence.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's SQLite settings with one open connection per thread, as the service's connection pool
 * gives: opening the file for every query would measure the open, not the query. close() only returns
 * the connection to its thread.
 */
final class PooledSqlite extends ConnectionOnlyDataSource implements AutoCloseable {
    private final TestDatabase files;
    private final List<Connection> opened = new ArrayList<>();
    private final ThreadLocal<Connection> perThread = new ThreadLocal<>();

    PooledSqlite(Path file) {
        this.files = TestDatabase.at(file);
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        Connection c = perThread.get();
        if (c == null) {
            Connection real = files.getConnection();
            opened.add(real);
            c = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!real.getAutoCommit()) {
                                real.rollback();
                                real.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            perThread.set(c);
        }
        return c;
    }

    @Override
    public synchronized void close() throws SQLException {
        for (Connection c : opened) {
            c.close();
        }
    }
}
