package io.soundbox.library.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.library.Eventually;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.library.config.LibraryConfig;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Readiness waits for soundbox.audio.created: a backlog of 20,000 records is stored before it is UP. */
@QuarkusTest
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
@QuarkusTestResource(value = BacklogResource.class, restrictToAnnotatedClass = true)
class CaughtUpReadinessTest {
    @Inject
    DataSource dataSource;
    @Inject
    LibraryConfig config;

    @Test
    void readyOnlyOnceTheBacklogIsStored() {
        long storedWhenReady = Eventually.await(Duration.ofSeconds(120), "readiness UP",
                () -> given().get("/q/health/ready").statusCode() == 200 ? stored() : null);
        assertThat(storedWhenReady)
                .isGreaterThanOrEqualTo(BacklogResource.RECORDS - config.library().readiness().maxLag());
        given().get("/q/health/ready").then().statusCode(200);
    }

    private long stored() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM generations")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
