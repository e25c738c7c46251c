package io.soundbox.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.Topics;
import io.soundbox.gateway.auth.LocalAuth;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tier and per-address limits through HTTP with the default numbers. Per-address tests send
 * X-Forwarded-For from documentation addresses (the test configuration trusts loopback as a proxy);
 * requests straight from loopback are exempt, as configured for tests.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class RateLimitTests {
    @Inject
    LocalAuth local;

    @Inject
    GatewayConfig config;

    private String token(Tier tier, String user) {
        return local.tokens().orElseThrow().issue(user, tier, Duration.ofHours(1)).token();
    }

    private static Response submit(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"limit test tune\",\"duration\":5}").post("/generate");
    }

    private static void complete(String jobId, String user) {
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, jobId, user, ModelId.MUSIC, "limit test tune", 5,
                JobState.COMPLETED, 1.0, 0, 0, jobId + ".wav", null, null, null, 0, Instant.now()));
    }

    private static void awaitCompleted(String token, String jobId) {
        eventually(Duration.ofSeconds(20), "job " + jobId + " completed", () -> "completed".equals(
                given().auth().oauth2(token).get("/job/" + jobId).then().extract().path("status")));
    }

    @Test
    void freeTierPendingJobsThenGenerationsPerHour() {
        String user = "free-" + UUID.randomUUID();
        String token = token(Tier.FREE, user);

        String first = submit(token).then().statusCode(202)
                .header("X-RateLimit-Limit", "3").header("X-RateLimit-Remaining", "2")
                .header("X-RateLimit-Reset", notNullValue())
                .extract().path("job_id");
        String second = submit(token).then().statusCode(202).header("X-RateLimit-Remaining", "1")
                .extract().path("job_id");

        // Two jobs waiting is the free tier's maximum (SEED: 429 with pending_count and max_pending).
        submit(token).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:soundbox:problem:too-many-pending"))
                .body("status", equalTo(429))
                .body("pending_count", equalTo(2))
                .body("max_pending", equalTo(2))
                .body("detail", containsString("free tier allows 2"));

        complete(first, user);
        complete(second, user);
        awaitCompleted(token, first);
        awaitCompleted(token, second);

        // The refused submission cost nothing: a third generation is allowed...
        String third = submit(token).then().statusCode(202).header("X-RateLimit-Remaining", "0").extract().path("job_id");
        complete(third, user);
        awaitCompleted(token, third);

        // ...and then the hour's budget of 3 is spent.
        Response refused = submit(token);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:rate-limited"))
                .body("detail", containsString("3 generations per hour"))
                .header("X-RateLimit-Limit", "3")
                .header("X-RateLimit-Remaining", "0");
        // One generation comes back every 20 minutes; the bucket is full again after an hour (less
        // the seconds this test took).
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1100, 1200);
        assertThat(Integer.parseInt(refused.header("X-RateLimit-Reset"))).isBetween(3500, 3600);
    }

    @Test
    void aRefusedDurationCostsNothingAndTheTierMaximumIsEnforced() {
        String token = token(Tier.SUPPORTER, "supporter-" + UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"prompt\":\"too long a tune\",\"duration\":61}")
                .post("/generate").then().statusCode(400).body("max_duration", equalTo(60));
        submit(token).then().statusCode(202).header("X-RateLimit-Limit", "15").header("X-RateLimit-Remaining", "14")
                .body("limits.per_hour", equalTo(15)).body("limits.max_duration", equalTo(60));
    }

    @Test
    void adminsAreNotLimited() {
        String token = token(Tier.ADMIN, "admin-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            submit(token).then().statusCode(202);
        }
    }

    @Test
    void guestTokensAreLimitedPerAddress() {
        int allowed = config.limits().ip().guestTokens();
        for (int i = 0; i < allowed; i++) {
            given().header("X-Forwarded-For", "203.0.113.7").post("/api/auth/guest").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "203.0.113.7").post("/api/auth/guest").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:rate-limited"))
                .body("detail", containsString("guest tokens"))
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Limit", String.valueOf(allowed))
                .header("X-RateLimit-Remaining", "0")
                // The refusal carries the security headers too.
                .header("X-Content-Type-Options", "nosniff");
        // Another address is unaffected.
        given().header("X-Forwarded-For", "203.0.113.8").post("/api/auth/guest").then().statusCode(200);
    }

    @Test
    void anonymousRequestsAreLimitedPerAddressButHealthChecksAreNot() {
        int allowed = config.limits().ip().anonymousRequests();
        String ip = "198.51.100.23";
        // The budget refills while the test runs, so count how many got through before the first refusal.
        int served = 0;
        Response r = given().header("X-Forwarded-For", ip).get("/app.css");
        while (r.statusCode() == 200 && served < allowed * 3) {
            served++;
            r = given().header("X-Forwarded-For", ip).get("/app.css");
        }
        assertThat(served).isGreaterThanOrEqualTo(allowed);
        r.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:rate-limited"))
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Limit", String.valueOf(allowed));
        given().header("X-Forwarded-For", ip).get("/q/health/live").then().statusCode(200);
        // The same address with credentials is limited per user, not by the anonymous budget.
        given().header("X-Forwarded-For", ip).auth().oauth2(token(Tier.FREE, "u-" + UUID.randomUUID()))
                .get("/job/none").then().statusCode(404);
    }
}
