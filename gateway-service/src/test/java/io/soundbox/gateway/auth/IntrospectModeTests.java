package io.soundbox.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.soundbox.gateway.support.ValnetStubResource;
import io.soundbox.testsupport.HttpStub;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** introspect mode wired end to end: a stub plays Valnet's user endpoint (at the original's path). */
@QuarkusTest
@TestProfile(IntrospectModeTests.IntrospectMode.class)
class IntrospectModeTests {
    public static class IntrospectMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soundbox.auth.mode", "introspect", "soundbox.auth.introspect.timeout", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ValnetStubResource.class));
        }
    }

    @Inject
    BearerAuthenticator auth;

    private static HttpStub valnet() {
        return ValnetStubResource.stub();
    }

    private static void valnetSays(int status, String body) {
        valnet().on("GET", ValnetStubResource.USER_PATH, HttpStub.Response.json(status, body));
    }

    private static long askedAbout(String token) {
        return valnet().received().stream().filter(r -> ("Bearer " + token).equals(r.header("Authorization"))).count();
    }

    @AfterEach
    void reset() {
        valnetSays(404, "{}");
    }

    @Test
    void anOpaqueTokenIsResolvedByValnetAndCached() {
        String token = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user_id\":\"v-42\",\"tier\":\"premium\",\"permissions\":[\"generate\"]}");
        given().auth().oauth2(token).get("/job/unknown").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"prompt\":\"introspected tune\"}")
                .post("/generate").then().statusCode(202).body("tier", equalTo("premium"));
        assertThat(askedAbout(token)).isEqualTo(1);
    }

    @Test
    void theOriginalAccountsUserShapeWorks() {
        String token = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user\":{\"id\":7,\"username\":\"ann\",\"subscription\":{\"status\":\"active\",\"plan\":\"pro\"}}}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"prompt\":\"original shape\"}")
                .post("/generate").then().statusCode(202).body("tier", equalTo("premium"));
    }

    @Test
    void theFreeTierNeedsAVerifiedEmail() {
        String token = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user_id\":\"v-unverified\",\"tier\":\"free\",\"email_verified\":false}");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"prompt\":\"unverified tune\"}")
                .post("/generate").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:requires-verification"))
                .body("requires_verification", equalTo(true));
        // A paying tier is not gated, nor is an account that does not say.
        String paying = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user_id\":\"v-paying\",\"tier\":\"premium\",\"email_verified\":false}");
        given().auth().oauth2(paying).contentType(ContentType.JSON).body("{\"prompt\":\"paying tune\"}")
                .post("/generate").then().statusCode(202);
    }

    @Test
    void finishedJobsOfAccountsAreAnnouncedToTheAccountsService() {
        valnet().on("POST", "/api/notifications/send", HttpStub.Response.json(200, "{\"success\":true}"));
        java.time.Instant now = java.time.Instant.now();
        String jobId = "job-" + UUID.randomUUID();
        var request = new io.soundbox.events.GenerationRequested(io.soundbox.events.SchemaVersion.CURRENT, jobId,
                "v-notify", "premium", 2, io.soundbox.events.ModelId.MUSIC, "notified tune", 8, false, null, now);
        var completed = io.soundbox.events.JobStatus.queued(request, 1, null, now).completed(jobId + ".wav", null,
                null, now.plusSeconds(1));
        // Published twice (a redelivered job announces its final status again): announced once.
        io.soundbox.testsupport.KafkaBroker.publish(io.soundbox.events.Topics.JOB_STATUS, completed);
        io.soundbox.testsupport.KafkaBroker.publish(io.soundbox.events.Topics.JOB_STATUS, completed);
        io.soundbox.gateway.support.GatewayTestSupport.eventually(java.time.Duration.ofSeconds(20),
                "the accounts service was notified", () -> valnet().received().stream()
                        .anyMatch(r -> r.path().equals("/api/notifications/send") && r.body().contains(jobId)
                                && r.body().contains("\"user_id\":\"v-notify\"")
                                && r.body().contains("soundbox.generation.completed")
                                // signed: the file may be private, and the owner opens it from the message
                                && r.body().contains("\"audio_url\":\"/audio/" + jobId + ".wav?exp=")));
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        org.assertj.core.api.Assertions.assertThat(valnet().received().stream()
                .filter(r -> r.path().equals("/api/notifications/send") && r.body().contains(jobId)).count())
                .as("one notification per job").isEqualTo(1);
    }

    @Test
    void aTokenValnetRejectsIs401() {
        valnetSays(401, "{\"error\":\"invalid token\"}");
        given().auth().oauth2("opaque-" + UUID.randomUUID()).get("/job/x").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("Valnet did not accept"));
    }

    @Test
    void failsClosedWith503WhenValnetIsDown() {
        valnetSays(502, "{}");
        given().auth().oauth2("opaque-" + UUID.randomUUID()).get("/job/x").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("type", equalTo("urn:soundbox:problem:auth-unavailable"))
                .body("detail", containsString("identity service"));
        // Anonymous requests do not ask Valnet at all.
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void adminsComeFromValnetPermissions() {
        String token = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user_id\":\"boss\",\"tier\":\"free\",\"permissions\":[\"admin\"]}");
        assertThat(auth.requireAdmin("Bearer " + token).isAdmin()).isTrue();
        String other = "opaque-" + UUID.randomUUID();
        valnetSays(200, "{\"user_id\":\"pleb\",\"tier\":\"creator\",\"permissions\":[\"generate\"]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> auth.requireAdmin("Bearer " + other))
                .isInstanceOfSatisfying(io.soundbox.gateway.problem.ApiProblem.class,
                        p -> assertThat(p.status()).isEqualTo(403));
    }
}
