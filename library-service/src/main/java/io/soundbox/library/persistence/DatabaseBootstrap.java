package io.soundbox.library.persistence;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.library.config.LibraryConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Makes the library database usable before anything else runs: creates its directory (SQLite does not
 * create missing parents, and the pool opens no connection before this, its initial size being 0), then
 * applies the migrations. Runs before the messaging lifecycle (priority 1000) starts the Kafka consumer
 * that writes to the tables. A failure here stops the service from starting.
 */
@ApplicationScoped
public class DatabaseBootstrap {
    /** Lower runs earlier; SmallRye Reactive Messaging starts its channels at 1000. */
    public static final int PRIORITY = 10;
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);

    private final LibraryConfig config;
    private final DataSource dataSource;

    public DatabaseBootstrap(LibraryConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        Path file = config.library().dbPath().toAbsolutePath().normalize();
        createParentDirectory(file);
        Migrator.Report report = new Migrator(dataSource).migrate(LibrarySchema.migrations());
        LOG.infof("Library database %s at schema version %d (applied now: %s)", file, report.currentVersion(),
                report.applied().isEmpty() ? "none" : report.applied());
    }

    static void createParentDirectory(Path dbFile) {
        Path parent = dbFile.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the library database directory " + parent, e);
        }
    }
}
