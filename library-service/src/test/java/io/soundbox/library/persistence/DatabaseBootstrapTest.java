package io.soundbox.library.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
class DatabaseBootstrapTest {
    @Inject
    LibraryConfig config;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void createsTheDatabaseAndItsDirectoriesUnderTheDataDir() {
        Path db = config.library().dbPath();
        assertThat(db).isEqualTo(config.dataDir().resolve("library").resolve("library.db"));
        assertThat(db.getParent().getParent().getParent().getFileName()).hasToString("fresh-machine");
        assertThat(Files.isRegularFile(db)).isTrue();
        assertThat(new Migrator(TestDatabase.at(db)).currentVersion()).isEqualTo(LibrarySchema.latestVersion());
    }

    @Test
    void theServicesConnectionsHaveTheMeasuredSettings() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String[] pragma : new String[][] {{"journal_mode", "wal"}, {"synchronous", "1"},
                    {"foreign_keys", "1"}, {"cache_size", "-65536"}, {"mmap_size", "1073741824"},
                    {"wal_autocheckpoint", "65536"}, {"journal_size_limit", "67108864"},
                    {"busy_timeout", "5000"}}) {
                try (var rs = s.executeQuery("PRAGMA " + pragma[0])) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(pragma[0]).isEqualTo(pragma[1]);
                }
            }
        }
    }

    @Test
    void theTestDatabaseOpensTheFileWithTheServicesUrlParameters() {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        assertThat(url.substring(url.indexOf('?'))).isEqualTo(TestDatabase.PARAMS);
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("library-database"))
                .body("checks.find { it.name == 'library-database' }.data.schema_version", equalTo(LibrarySchema.latestVersion()));
    }
}
