package io.soundbox.backup.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.backup.config.BackupConfig;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
class HealthEndpointsTest {

    @Inject
    BackupConfig config;

    @Test
    void startupCreatesTheBackupFolderAndReportsReady() {
        assertThat(config.backupDir()).isDirectory();
        assertThat(config.backupDir().getParent().getFileName().toString()).startsWith("soundbox-backup-test-");

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("backup-store"));
    }

    @Test
    void notReadyWhileTheBackupFolderCannotTakeAWrite() throws Exception {
        Path backups = config.backupDir();
        Path aside = backups.resolveSibling("backups.aside");
        Files.move(backups, aside);
        Files.writeString(backups, "a file where the folder should be");
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'backup-store' }.data.problem", containsString("not a directory"));
        } finally {
            Files.delete(backups);
            Files.move(aside, backups);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
