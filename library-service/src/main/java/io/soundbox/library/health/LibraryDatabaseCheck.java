package io.soundbox.library.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the library database answers a query and its schema is migrated. Synchronous, so Quarkus
 * runs it on a worker thread.
 */
@Readiness
@ApplicationScoped
public class LibraryDatabaseCheck implements HealthCheck {
    static final String NAME = "library-database";
    private final DataSource dataSource;

    public LibraryDatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
            int version;
            // A missing schema_version table (never migrated) fails here and reports DOWN.
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            return HealthCheckResponse.named(NAME).status(version > 0).withData("schema_version", version).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
