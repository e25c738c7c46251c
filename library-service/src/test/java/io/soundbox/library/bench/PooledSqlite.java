package io.soundbox.library.bench;

import io.soundbox.library.persistence.TestDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The service's SQLite settings with one open connection per thread, as the service's connection pool
 * gives: opening the file for every query would measure the open, not the query. close() only returns
 * the connection to its thread.
 */
final class PooledSqlite implements DataSource, AutoCloseable {
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

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
