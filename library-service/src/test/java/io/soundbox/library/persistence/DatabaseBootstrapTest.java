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

    @Test
    void createsTheDatabaseAndItsDirectoriesUnderTheDataDir() {
        Path db = config.library().dbPath();
        assertThat(db).isEqualTo(config.dataDir().resolve("library").resolve("library.db"));
        assertThat(db.getParent().getParent().getParent().getFileName()).hasToString("fresh-machine");
        assertThat(Files.isRegularFile(db)).isTrue();
        assertThat(new Migrator(TestDatabase.at(db)).currentVersion()).isEqualTo(LibrarySchema.latestVersion());
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
