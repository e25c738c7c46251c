package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.SeededJobsResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A gateway that starts after generation-service published its jobs' statuses (a restart, or a new
 * replica) knows those jobs: it rebuilds its read model from the compacted status topic.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
@QuarkusTestResource(SeededJobsResource.class)
class JobReadModelRebuildTests {

    @Test
    void jobsPublishedBeforeThisGatewayStartedAreServedWithTheirLatestState() {
        String completed = ConfigProvider.getConfig().getValue("test.seeded.completed", String.class);
        String running = ConfigProvider.getConfig().getValue("test.seeded.running", String.class);
        String token = TestTokens.token(SeededJobsResource.USER, Tier.FREE);

        eventually(Duration.ofSeconds(30), "seeded jobs rebuilt", () ->
                given().auth().oauth2(token).get("/job/" + running).statusCode() == 200
                        && given().auth().oauth2(token).get("/job/" + completed).statusCode() == 200);
        given().auth().oauth2(token).get("/job/" + completed).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("filename", equalTo(completed + ".wav"))
                .body("quality.score", equalTo(91))
                .body("prompt", equalTo("seeded before the restart"));
        given().auth().oauth2(token).get("/job/" + running).then().statusCode(200)
                .body("status", equalTo("generating"))
                .body("progress_pct", equalTo(30));
        // The rebuilt model feeds the queue view and the queue actions too.
        given().auth().oauth2(token).get("/api/queue").then().statusCode(200)
                .body("my_jobs.find { it.job_id == '" + running + "' }.status", equalTo("generating"));
        given().auth().oauth2(TestTokens.token("someone-else", Tier.FREE)).get("/job/" + completed).then()
                .statusCode(404);
    }
}
