package io.soundbox.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.Topics;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.auth.LocalAuth;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.problem.ApiProblem;
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
 * A restarted gateway keeps each user's hourly generation count: a user spends the free tier's hour
 * through HTTP on the running gateway, then a new instance of the limits (fresh buckets, a fresh job
 * read model) rebuilds from the real soundbox.generation.requested topic and still refuses them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class RateLimitRestartTests {
    @Inject
    LocalAuth local;
    @Inject
    GatewayConfig config;
    @Inject
    TierLimits tiers;

    @Test
    void aUserWhoSpentTheHourIsStillRefusedAfterARestart() {
        String user = "restart-" + UUID.randomUUID();
        String token = local.tokens().orElseThrow().issue(user, Tier.FREE, Duration.ofHours(1)).token();
        // The free tier: 3 an hour, 2 waiting at a time, so the jobs are finished in between.
        for (int i = 0; i < 3; i++) {
            String job = submit(token).then().statusCode(202).extract().path("job_id");
            KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, job, user, ModelId.MUSIC, "restart tune", 5,
                    JobState.COMPLETED, 1.0, 0, 0, job + ".wav", null, null, null, 0, Instant.now()));
            eventually(Duration.ofSeconds(20), "job " + job + " completed", () -> "completed".equals(
                    given().auth().oauth2(token).get("/job/" + job).then().extract().path("status")));
        }
        submit(token).then().statusCode(429).body("type", equalTo("urn:soundbox:problem:rate-limited"));

        // "Restart": nothing of the running instance's memory, only the topic.
        String bootstrap = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class);
        RateLimitBuckets buckets = new RateLimitBuckets(1000, Duration.ofHours(1));
        GenerationUsageRebuild usage = new GenerationUsageRebuild(buckets, tiers, config, bootstrap);
        GenerationLimits limits = new GenerationLimits(tiers, buckets, new JobReadModel(1000, Duration.ofHours(1),
                Duration.ofHours(1)), new RateLimitHeaders(), usage, config);
        Caller caller = new Caller(user, Tier.FREE, false, false, true);

        // Before the topic is read nothing is admitted: a fresh hour must not be handed out.
        ApiProblem loading = catchThrowableOfType(ApiProblem.class, () -> limits.admit(caller, "job-early"));
        assertThat(loading.status()).isEqualTo(503);
        assertThat(loading.headers()).containsKey("Retry-After");
        // A tier without an hourly limit (admins) has nothing to wait for.
        assertThat(limits.admit(new Caller("admin-" + UUID.randomUUID(), Tier.ADMIN, true, true, true), "job-admin")
                .hourly()).isNull();

        assertThat(usage.rebuild(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(3);
        assertThat(usage.done()).isTrue();

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> limits.admit(caller, "job-after-restart"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:soundbox:problem:rate-limited");
        assertThat(refused.detail()).contains("3 generations per hour");
        assertThat(refused.extensions()).containsEntry("limit", 3L).containsEntry("tier", "free");
        assertThat(refused.headers()).containsEntry("X-RateLimit-Limit", "3").containsEntry("X-RateLimit-Remaining", "0");
        // One generation comes back 20 minutes after the first of the hour, not a whole hour after restart.
        assertThat(Integer.parseInt(refused.headers().get("Retry-After"))).isBetween(1100, 1200);

        // Someone with no generations in the hour is not held back by the rebuild.
        GenerationLimits.Admission other = limits.admit(new Caller("fresh-" + UUID.randomUUID(), Tier.FREE, false,
                false, true), "job-other");
        assertThat(other.hourly()).isNotNull();
    }

    private static Response submit(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"restart tune\",\"duration\":5}").post("/generate");
    }
}
